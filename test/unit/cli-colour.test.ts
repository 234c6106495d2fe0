import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { validateText } from '../../server/src/calm/engine';
import type { CliIO } from '../../server/src/cli/command';
import { colorAllowed } from '../../server/src/cli/validate/command';
import { formatPretty } from '../../server/src/cli/validate/formats/pretty';
import { exampleText, replaceOnce } from './cli-support';

// In process: a child's stdout is a pipe, never a terminal, so the terminal case is decided here.
function io(stdoutIsTTY: boolean, env: Record<string, string>): CliIO {
  return { stdout: () => undefined, stderr: () => undefined, cwd: '/', env, stdoutIsTTY };
}

describe('pretty output colour', () => {
  test('only on a terminal, and never under a non-empty NO_COLOR', () => {
    assert.equal(colorAllowed(io(true, {})), true);
    assert.equal(colorAllowed(io(true, { NO_COLOR: '1' })), false);
    assert.equal(colorAllowed(io(true, { NO_COLOR: '' })), true);
    assert.equal(colorAllowed(io(false, {})), false);
    assert.equal(colorAllowed(io(false, { FORCE_COLOR: '1' })), false);
  });

  test('coloured and plain output say the same once the colour codes are removed', () => {
    const text = replaceOnce(exampleText(), '"actor": "admin"', '"actor": "ghost"');
    const result = validateText(text);
    const report = { file: 'x.json', doc: result.doc, findings: result.findings, ruleFailures: result.ruleFailures };
    const plain = formatPretty([report], { color: false });
    const coloured = formatPretty([report], { color: true });
    assert.ok(!plain.includes('\u001b['));
    assert.match(coloured, /\u001b\[31merror\u001b\[0m/);
    assert.equal(coloured.replace(/\u001b\[[0-9;]*m/g, ''), plain);
  });
});
