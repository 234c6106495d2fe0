/**
 * The text of a new CALM architecture: small, valid (no errors, no warnings) and showing the shape of
 * each part so a person can start editing at once. Shared by the tree's "New CALM Architecture"
 * button and the "CALM: New Architecture" command. Pure (no vscode import).
 */

/** CALM 1.1: the release the FINOS tutorial architectures (and the e-commerce example) name. */
export const NEW_ARCHITECTURE_SCHEMA = 'https://calm.finos.org/release/1.1/meta/calm.json';

const SKELETON = {
  $schema: NEW_ARCHITECTURE_SCHEMA,
  nodes: [
    {
      'unique-id': 'user',
      'node-type': 'actor',
      name: 'User',
      description: 'Someone who uses the system',
    },
    {
      'unique-id': 'web-app',
      'node-type': 'webclient',
      name: 'Web App',
      description: 'The application the user works in',
    },
    {
      'unique-id': 'app-service',
      'node-type': 'service',
      name: 'App Service',
      description: 'Serves the web app',
    },
  ],
  relationships: [
    {
      'unique-id': 'user-uses-web-app',
      description: 'The user works in the web app',
      'relationship-type': { interacts: { actor: 'user', nodes: ['web-app'] } },
    },
    {
      'unique-id': 'web-app-calls-app-service',
      description: 'The web app calls the service',
      protocol: 'HTTPS',
      'relationship-type': { connects: { source: { node: 'web-app' }, destination: { node: 'app-service' } } },
    },
  ],
};

/** Pretty-printed with two spaces and a final newline, as VS Code's JSON formatter writes it. */
export function newArchitectureText(): string {
  return JSON.stringify(SKELETON, null, 2) + '\n';
}
