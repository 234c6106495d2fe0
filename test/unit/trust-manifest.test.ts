/**
 * The manifest's side of trust and network: the extension declares limited support for untrusted
 * workspaces with the settings VS Code must not take from such a workspace, and contributes
 * `calm.schemas.allowedRemoteHosts` with the default the server assumes (nothing downloaded).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';
import { DEFAULT_SETTINGS } from '../../server/src/settings';

interface SettingContribution {
  readonly type?: string;
  readonly default?: unknown;
  readonly scope?: string;
  readonly items?: { readonly type?: string; readonly pattern?: string };
  readonly markdownDescription?: string;
}

interface Manifest {
  readonly capabilities?: {
    readonly untrustedWorkspaces?: { readonly supported?: unknown; readonly description?: unknown; readonly restrictedConfigurations?: unknown };
  };
  readonly contributes: { readonly configuration: { readonly properties: Readonly<Record<string, SettingContribution>> } };
}

const manifest = JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8')) as Manifest;
const settings = manifest.contributes.configuration.properties;

describe('trust and network in the manifest', () => {
  test('limited support in untrusted workspaces: the URL map and the allowed hosts are taken from the user only', () => {
    const declared = manifest.capabilities?.untrustedWorkspaces;
    assert.equal(declared?.supported, 'limited');
    assert.deepEqual(declared?.restrictedConfigurations, ['calm.schemas.urlMap', 'calm.schemas.allowedRemoteHosts']);
    for (const id of ['calm.schemas.urlMap', 'calm.schemas.allowedRemoteHosts']) {
      assert.ok(settings[id], `${id} is a contributed setting`);
      assert.ok(typeof declared?.description === 'string' && declared.description.includes(id), `the description names ${id}`);
    }
  });

  test('calm.schemas.allowedRemoteHosts: an empty list by default, as the server assumes; entries are host[:port]', () => {
    const setting = settings['calm.schemas.allowedRemoteHosts'];
    assert.equal(setting.type, 'array');
    assert.equal(setting.items?.type, 'string');
    assert.deepEqual(setting.default, []);
    assert.deepEqual(setting.default, DEFAULT_SETTINGS.schemas.allowedRemoteHosts);
    assert.equal(setting.scope, 'resource');
    const entry = new RegExp(setting.items?.pattern ?? '(?!)');
    for (const ok of ['schemas.example.com', 'localhost:8080', '127.0.0.1:3000', '[::1]:8080']) assert.ok(entry.test(ok), ok);
    for (const bad of ['https://schemas.example.com', 'schemas.example.com/calm', '', 'host:port']) assert.ok(!entry.test(bad), bad);
    const description = setting.markdownDescription ?? '';
    for (const says of ['Empty (the default): nothing is ever downloaded', 'matched exactly', 'subdomain', 'localhost:8080', '5 seconds and 2 MB', 'Restricted Mode']) {
      assert.ok(description.includes(says), `the description says: ${says}`);
    }
  });
});
