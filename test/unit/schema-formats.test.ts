import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fullFormats } from 'ajv-formats/dist/formats';
import { calmFormats, PLAIN_HTTP_URI } from '../../server/src/calm/schema/formats';
import { corpusDocuments } from './schema-support';

const asFunction = (format: unknown): ((value: string) => boolean) => {
  if (format instanceof RegExp) return (value) => format.test(value);
  if (typeof format === 'function') return format as (value: string) => boolean;
  throw new Error('not a RegExp or function format');
};

/** Every string (values and keys) of the corpus documents. */
function corpusStrings(): Set<string> {
  const out = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') out.add(value);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        out.add(key);
        visit(inner);
      }
    }
  };
  for (const doc of corpusDocuments()) visit(doc.value);
  return out;
}

const EDGES = [
  '',
  'https://calm.finos.org/release/1.1/meta/calm.json',
  'https://calm.finos.org/release/1.1/meta/core.json#/defs/node',
  'HTTPS://Example.COM/A/B#/X',
  'http://',
  'https://',
  'https://a',
  'https://a.',
  'https://-/',
  'https://a//b',
  'https://a/b?c=d',
  'https://a/b#c#d',
  'https://a b/c',
  'https://a/%41',
  'https://a/%zz',
  'https://a/é',
  'https://[::1]/x',
  'https://user@host/x',
  'https://host:8080/x',
  'https://host/x\n',
  'ftp://host/x',
  'urn:isbn:0451450523',
  'core.json#/defs/node',
  '#/defs/node',
  '/relative/path',
  'not a uri',
  'htt[ps://',
];

describe('the uri formats of our Ajv instances and generated validators', () => {
  for (const name of ['uri', 'uri-reference'] as const) {
    test(`${name} answers as ajv-formats' own on every string of the corpus and on edge cases`, () => {
      const ours = asFunction(calmFormats[name]);
      const theirs = asFunction(fullFormats[name]);
      const strings = [...corpusStrings(), ...EDGES];
      assert.ok(strings.length > 1000, `${strings.length} strings`);
      assert.deepEqual(strings.filter((s) => ours(s) !== theirs(s)), []);
    });
  }

  test('every other format is ajv-formats\' own', () => {
    for (const [name, format] of Object.entries(fullFormats)) {
      if (name !== 'uri' && name !== 'uri-reference') assert.equal(calmFormats[name as keyof typeof calmFormats], format, name);
    }
  });

  test('the shortcut takes the CALM meta URLs and $refs into them, and leaves anything unusual to the full expression', () => {
    assert.ok(PLAIN_HTTP_URI.test('https://calm.finos.org/release/1.1/meta/calm.json'));
    assert.ok(PLAIN_HTTP_URI.test('https://calm.finos.org/draft/2026-03/meta/core.json#/defs/node'));
    for (const unusual of ['https://a/b?c=d', 'https://[::1]/x', 'https://a/%41', 'urn:isbn:0451450523', '#/defs/node']) assert.ok(!PLAIN_HTTP_URI.test(unusual), unusual);
  });
});
