import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ALL_RULES } from '../../server/src/calm/rules';

test("the README's rule table lists every rule the engine runs, with its severity and document kind", () => {
  const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Validation rules'), readme.indexOf('## Performance'));
  const rows = new Map<string, { severity: string; kinds: string }>();
  for (const m of section.matchAll(/^\| `([a-z0-9-]+)`[^|]*\| (error|warning) \| ([a-z]+) \|/gm)) rows.set(m[1], { severity: m[2], kinds: m[3] });
  for (const rule of ALL_RULES) {
    assert.deepEqual(rows.get(rule.code), { severity: rule.severity, kinds: rule.kinds.join(',') }, rule.code);
  }
  const documented = [...rows.keys()].filter((code) => code !== 'json-syntax' && code !== 'json-schema');
  assert.deepEqual(documented.sort(), ALL_RULES.map((r) => r.code).sort());
});
