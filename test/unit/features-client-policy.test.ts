/** The client's pure decisions: when a JSON document becomes `calm`, and the Validate Workspace summary. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { summary } from '../../client/src/commands/validate-workspace-summary';
import { shouldSwitchToCalm, type SwitchCandidate } from '../../client/src/language-mode-policy';

const CALM_JSON: SwitchCandidate = { languageId: 'json', scheme: 'file', isCalm: true, autoSwitch: true, switchedBefore: false };

describe('switching to the calm language mode', () => {
  test('a CALM document in JSON or JSONC mode, saved or untitled, is switched', () => {
    assert.equal(shouldSwitchToCalm(CALM_JSON), true);
    assert.equal(shouldSwitchToCalm({ ...CALM_JSON, languageId: 'jsonc' }), true);
    assert.equal(shouldSwitchToCalm({ ...CALM_JSON, scheme: 'untitled' }), true);
  });

  test('not when the server says it is not CALM, the setting is off, or the user went back to JSON', () => {
    assert.equal(shouldSwitchToCalm({ ...CALM_JSON, isCalm: false }), false);
    assert.equal(shouldSwitchToCalm({ ...CALM_JSON, autoSwitch: false }), false);
    assert.equal(shouldSwitchToCalm({ ...CALM_JSON, switchedBefore: true }), false);
  });

  test('not for other languages or for diff and git views', () => {
    assert.equal(shouldSwitchToCalm({ ...CALM_JSON, languageId: 'calm' }), false);
    assert.equal(shouldSwitchToCalm({ ...CALM_JSON, languageId: 'yaml' }), false);
    assert.equal(shouldSwitchToCalm({ ...CALM_JSON, scheme: 'git' }), false);
  });
});

describe('the Validate Workspace summary', () => {
  test('says how many files and problems', () => {
    assert.equal(summary({ files: 0, filesWithErrors: 0, errors: 0, warnings: 0 }), 'No CALM files found in the workspace.');
    assert.equal(summary({ files: 1, filesWithErrors: 0, errors: 0, warnings: 0 }), 'Validated 1 CALM file: no problems.');
    assert.equal(summary({ files: 3, filesWithErrors: 1, errors: 2, warnings: 1 }), 'Validated 3 CALM files: 2 errors and 1 warning (errors in 1 file).');
  });
});
