/**
 * Patterns named by `$schema`: loaded from the file system relative to the document, remote URLs only
 * through a URL map (never fetched). The loader alone, then through the bundled server and its setting.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { createNodeSchemaLoader, loadUrlMap } from '../../server/src/node-schema-loader';
import { apiPattern, oneNodeArchitecture as architecture } from './api-pattern';
import { LspTestClient, SUITE_TIMEOUT_MS } from './lsp-test-client';

const REMOTE_PATTERN = 'https://patterns.example.com/calm/api-pattern.json';

const PATTERN = apiPattern(REMOTE_PATTERN);

describe('schema loading', { timeout: SUITE_TIMEOUT_MS }, () => {
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'calm-schemas-'));
    mkdirSync(join(dir, 'patterns'));
    mkdirSync(join(dir, 'config'));
    writeFileSync(join(dir, 'patterns', 'api-pattern.json'), JSON.stringify(PATTERN, null, 2));
    writeFileSync(join(dir, 'patterns', 'broken.json'), '{ "type": ');
    // Paths in a URL map are relative to the map file.
    writeFileSync(join(dir, 'config', 'url-map.json'), JSON.stringify({ [REMOTE_PATTERN]: '../patterns/api-pattern.json' }));
    writeFileSync(join(dir, 'config', 'bad-map.json'), JSON.stringify({ [REMOTE_PATTERN]: 42 }));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  describe('the Node loader', () => {
    test('a relative path resolves against the document folder; absolute paths and file URLs load as they are', () => {
      const load = createNodeSchemaLoader({ baseDir: join(dir, 'patterns') });
      for (const ref of ['./api-pattern.json', 'api-pattern.json', join(dir, 'patterns', 'api-pattern.json'), pathToFileURL(join(dir, 'patterns', 'api-pattern.json')).toString()]) {
        const result = load(ref);
        assert.ok(result.ok, ref);
        assert.deepEqual(result.schema, PATTERN);
        assert.equal(result.source, join(dir, 'patterns', 'api-pattern.json'));
      }
    });

    test('failures say why, in plain words', () => {
      const load = createNodeSchemaLoader({ baseDir: join(dir, 'patterns') });
      const missing = load('./missing.json');
      assert.equal(missing.ok, false);
      assert.match(missing.ok ? '' : missing.message, /^File not found: .*missing\.json$/);
      const broken = load('./broken.json');
      assert.match(broken.ok ? '' : broken.message, /broken\.json is not valid JSON/);
      const remote = load(REMOTE_PATTERN);
      assert.match(remote.ok ? '' : remote.message, /is a remote schema and is not fetched .*URL map/);
      const unsaved = createNodeSchemaLoader()('./api-pattern.json');
      assert.match(unsaved.ok ? '' : unsaved.message, /has not been saved to a folder/);
    });

    test('a URL map turns a remote URL into a local file, relative to the map', () => {
      const map = loadUrlMap(join(dir, 'config', 'url-map.json'));
      assert.ok(map.ok);
      assert.equal(map.map.get(REMOTE_PATTERN), join(dir, 'patterns', 'api-pattern.json'));
      const load = createNodeSchemaLoader({ urlMap: map.map });
      const result = load(REMOTE_PATTERN);
      assert.ok(result.ok);
      assert.deepEqual(result.schema, PATTERN);
      assert.ok(load(`${REMOTE_PATTERN}#/properties/nodes`).ok, 'a fragment does not hide the mapping');
    });

    test('a malformed URL map is refused with the reason', () => {
      const bad = loadUrlMap(join(dir, 'config', 'bad-map.json'));
      assert.equal(bad.ok, false);
      assert.match(bad.ok ? '' : bad.message, /must be a non-empty path string/);
      const absent = loadUrlMap(join(dir, 'config', 'absent.json'));
      assert.match(absent.ok ? '' : absent.message, /^URL map: File not found/);
    });
  });

  describe('through the language server', () => {
    let client: LspTestClient;

    before(async () => {
      ({ client } = await LspTestClient.start({ workspaceFolder: dir, settings: { schemas: { urlMap: 'config/url-map.json' } } }));
    });
    after(async () => {
      await client.stop();
    });

    async function diagnosticsOf(relativePath: string, text: string) {
      const uri = pathToFileURL(join(dir, relativePath)).toString();
      const published = client.diagnosticsFor(uri, 1);
      assert.equal((await client.open(uri, text)).isCalm, true);
      const { diagnostics } = await published;
      await client.close(uri);
      // A lone node is also unreferenced (a warning): only the schema's verdict matters here.
      return diagnostics.filter((d) => d.code !== 'architecture-nodes-must-be-referenced');
    }

    test('an architecture is validated against the pattern its relative $schema names', async () => {
      assert.deepEqual(await diagnosticsOf('patterns/good.json', architecture('./api-pattern.json', 'api')), []);
      const wrong = await diagnosticsOf('patterns/wrong.json', architecture('./api-pattern.json', 'not-api'));
      assert.ok(wrong.length >= 1);
      assert.ok(wrong.every((d) => d.code === 'json-schema'), JSON.stringify(wrong));
    });

    test('a remote pattern URL is validated through the calm.schemas.urlMap setting', async () => {
      assert.deepEqual(await diagnosticsOf('remote-good.json', architecture(REMOTE_PATTERN, 'api')), []);
      const wrong = await diagnosticsOf('remote-wrong.json', architecture(REMOTE_PATTERN, 'not-api'));
      assert.ok(wrong.length >= 1 && wrong.every((d) => d.code === 'json-schema'), JSON.stringify(wrong));
    });

    test('editing the pattern on disk re-validates the documents that name it', async () => {
      const patternPath = join(dir, 'patterns', 'mutable-pattern.json');
      writeFileSync(patternPath, JSON.stringify(PATTERN));
      const uri = pathToFileURL(join(dir, 'patterns', 'mutable.json')).toString();
      const schemaErrors = (p: { diagnostics: { code?: number | string }[] }) => p.diagnostics.filter((d) => d.code === 'json-schema').length;
      const opened = client.diagnosticsFor(uri, 1);
      await client.open(uri, architecture('./mutable-pattern.json', 'renamed-api'));
      assert.ok(schemaErrors(await opened) >= 1);
      const revalidated = client.nextDiagnostics(uri);
      const renamed = apiPattern(REMOTE_PATTERN, 'renamed-api');
      writeFileSync(patternPath, JSON.stringify(renamed));
      await client.filesChanged([pathToFileURL(patternPath).toString()]);
      assert.equal(schemaErrors(await revalidated), 0);
      await client.close(uri);
    });

    test('an unmapped remote pattern is reported as not loaded, never fetched', async () => {
      const other = 'https://patterns.example.com/calm/unmapped.json';
      const diagnostics = await diagnosticsOf('unmapped.json', architecture(other, 'api'));
      assert.ok(
        diagnostics.some((d) => d.message.includes(other) && d.message.includes('not fetched')),
        JSON.stringify(diagnostics.map((d) => d.message)),
      );
    });
  });
});
