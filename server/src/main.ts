/** The language server's Node entry (bundled to dist/server.js); the transport (--node-ipc, --stdio, --socket) comes from argv. */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { languageFeatures } from './features/register';
import { modelRequestsFeature } from './model-requests';
import { nodeRuntime } from './node-runtime';
import { processIdFeature } from './process-id';
import { startServer } from './start-server';

const connection = createConnection(ProposedFeatures.all);

startServer(connection, nodeRuntime, [modelRequestsFeature, processIdFeature, languageFeatures]);
