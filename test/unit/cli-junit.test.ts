import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import sax from 'sax';
import { EXAMPLE, exampleText, runCli, replaceOnce, tempDir } from './cli-support';

interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  text: string;
}

/** Parses with a strict (well-formedness checking) XML parser; any error fails the test. */
function parseXml(xml: string): XmlElement[] {
  const parser = sax.parser(true);
  const elements: XmlElement[] = [];
  const open: XmlElement[] = [];
  parser.onerror = (error) => {
    throw error;
  };
  parser.onopentag = (tag) => {
    const element: XmlElement = { name: tag.name, attributes: tag.attributes as Record<string, string>, text: '' };
    elements.push(element);
    open.push(element);
  };
  parser.ontext = (text) => {
    const top = open.at(-1);
    if (top) top.text += text;
  };
  parser.onclosetag = () => void open.pop();
  parser.write(xml).close();
  return elements;
}

const HOSTILE = 'x]]></failure><inject a="1"/>&amp;\'"<!--\u0001\ud800';
/** How the report must spell it: C0 controls and lone surrogates cannot exist in XML 1.0, so they are written out. */
const HOSTILE_SHOWN = 'x]]></failure><inject a="1"/>&amp;\'"<!--\\u0001\\ud800';

describe('calm-lens validate --format junit', () => {
  const dir = tempDir('junit');
  after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'hostile & <odd>.json'), replaceOnce(exampleText(), '"actor": "admin"', `"actor": ${JSON.stringify(HOSTILE)}`));

  test('hostile strings are escaped: the report is well-formed and says exactly what the finding says', async () => {
    const r = await runCli(['validate', '--format', 'junit', 'hostile & <odd>.json', EXAMPLE], { cwd: dir });
    assert.equal(r.code, 1);
    assert.ok(!r.stdout.includes('\u0001'));
    const elements = parseXml(r.stdout);
    assert.ok(!elements.some((e) => e.name === 'inject'), 'document text became markup');

    const suites = elements.filter((e) => e.name === 'testsuite');
    assert.deepEqual(suites.map((s) => s.attributes.name), ['hostile & <odd>.json', EXAMPLE]);
    assert.deepEqual(suites.map((s) => [s.attributes.tests, s.attributes.failures]), [['2', '1'], ['1', '0']]);

    const failures = elements.filter((e) => e.name === 'failure');
    assert.equal(failures.length, 1);
    const message = `'${HOSTILE_SHOWN}' does not refer to the unique-id of an existing node.`;
    assert.equal(failures[0].attributes.message, message);
    assert.match(failures[0].text, new RegExp(`^hostile & <odd>\\.json:\\d+:\\d+ error relationship-references-existing-nodes-in-architecture `));
    assert.ok(failures[0].text.endsWith(message));

    const root = elements[0];
    assert.equal(root.name, 'testsuites');
    assert.deepEqual([root.attributes.tests, root.attributes.failures, root.attributes.errors], ['3', '1', '0']);
  });

  test('a clean file is one passing testcase; a warning passes unless --strict', async () => {
    writeFileSync(
      join(dir, 'orphan.json'),
      replaceOnce(exampleText(), '\n  "nodes": [\n', '\n  "nodes": [\n    { "unique-id": "orphan", "node-type": "service", "name": "Orphan", "description": "Nobody calls it" },\n'),
    );
    const clean = parseXml((await runCli(['validate', '-f', 'junit', EXAMPLE])).stdout);
    assert.deepEqual(clean.filter((e) => e.name === 'testcase').map((e) => e.attributes.name), ['valid CALM document']);
    assert.equal(clean.filter((e) => e.name === 'failure').length, 0);

    const plain = await runCli(['validate', '-f', 'junit', 'orphan.json'], { cwd: dir });
    assert.equal(plain.code, 0);
    const plainXml = parseXml(plain.stdout);
    assert.equal(plainXml.filter((e) => e.name === 'failure').length, 0);
    assert.match(plainXml.find((e) => e.name === 'system-out')?.text ?? '', /warning architecture-nodes-must-be-referenced Node with ID 'orphan'/);

    const strict = await runCli(['validate', '-f', 'junit', '--strict', 'orphan.json'], { cwd: dir });
    assert.equal(strict.code, 1);
    const failures = parseXml(strict.stdout).filter((e) => e.name === 'failure');
    assert.deepEqual(failures.map((f) => [f.attributes.type, f.attributes.message]), [['warning', "Node with ID 'orphan' is not referenced by any relationships."]]);
  });
});
