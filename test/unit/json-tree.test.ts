import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { generateArchitectureText } from '../../bench/generate-architecture';
import { parseStrictJsonTree } from '../../server/src/calm/json-tree';

const CORPUS = resolve(__dirname, '../../../shared/calm/corpus');

/** A node as plain data (parents checked separately), for deep comparison. */
function shape(node: JsonNode): unknown {
  return {
    type: node.type,
    offset: node.offset,
    length: node.length,
    value: node.value,
    colonOffset: node.colonOffset,
    children: node.children?.map(shape),
  };
}

function parentsAreRight(node: JsonNode): boolean {
  return (node.children ?? []).every((c) => c.parent === node && parentsAreRight(c));
}

/** jsonc-parser's tree when it reports no error (strict options), else undefined. */
function reference(text: string): JsonNode | undefined {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  return errors.length === 0 ? root : undefined;
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? jsonFiles(p) : name.endsWith('.json') ? [p] : [];
  });
}

describe('the strict JSON fast path builds exactly the tree jsonc-parser builds', () => {
  test('on every corpus file jsonc-parser accepts, and on synthetic architectures', () => {
    const texts = [...jsonFiles(CORPUS).map((f) => readFileSync(f, 'utf8')), generateArchitectureText({ nodes: 60, seed: 3 })];
    let compared = 0;
    for (const text of texts) {
      const expected = reference(text);
      const actual = parseStrictJsonTree(text, 512);
      if (!expected) continue;
      // jsonc-parser tolerates a few non-JSON whitespace characters; the fast path declines those texts.
      if (!actual) {
        assert.throws(() => JSON.parse(text));
        continue;
      }
      assert.deepEqual(shape(actual), shape(expected));
      assert.ok(parentsAreRight(actual));
      compared++;
    }
    assert.ok(compared > 100, `compared ${compared}`);
  });

  test('on every JSON value type, escapes, numbers and whitespace', () => {
    const samples = [
      '{}',
      '[]',
      ' \t\r\n{ "a" : [ 1 , -0.5e+3 , 2E-2 , 0 , true , false , null , "x" ] , "b" : { } , "c" : [ ] }\n',
      '{"esc\\"aped\\u00e9\\n":"v\\\\\\/\\b\\f\\r\\t\\ud83d\\ude00","dup":1,"dup":2}',
      '"just a string"',
      '-12.75',
      '[[[[["deep"]]]]]',
      '{"emoji 😀 key":"é"}',
    ];
    for (const text of samples) {
      const expected = reference(text);
      assert.ok(expected, text);
      const actual = parseStrictJsonTree(text, 512);
      assert.ok(actual, text);
      assert.deepEqual(shape(actual), shape(expected), text);
      assert.ok(parentsAreRight(actual));
    }
  });

  test('declines anything that is not strict JSON, so jsonc-parser can explain it', () => {
    const declined = [
      '',
      '   ',
      '{"a":1,}',
      '[1,]',
      '{"a":1 "b":2}',
      '{"a" 1}',
      "{'a':1}",
      '{"a":01}',
      '{"a":1.}',
      '{"a":.5}',
      '{"a":1e}',
      '{"a":-}',
      '{"a":tru}',
      '{"a":"unterminated}',
      '{"a":"tab\there"}',
      '{"a":"bad \\x escape"}',
      '{"a":"\\u12"}',
      '{"a":1} trailing',
      '{"a":1}}',
      '// comment\n{}',
      '\ufeff{}',
      '{"a":1}\u00a0',
      '{"a":[1,2',
    ];
    for (const text of declined) assert.equal(parseStrictJsonTree(text, 512), undefined, JSON.stringify(text));
  });

  test('declines nesting deeper than the limit', () => {
    assert.ok(parseStrictJsonTree('[[[1]]]', 3));
    assert.equal(parseStrictJsonTree('[[[[1]]]]', 3), undefined);
    assert.equal(parseStrictJsonTree('{"a":{"b":{"c":{}}}}', 3), undefined);
  });
});
