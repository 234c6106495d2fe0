import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { locatePaths } from '../../server/src/calm/locate-text';
import { parseCalm } from '../../server/src/calm/parse';
import { member, rootOf, starChildren } from '../../server/src/calm/rules/support/tree';
import type { Segment } from '../../server/src/calm/value-node';

/** The text of the value at `path`, and of its key, as locatePaths finds them. */
function found(text: string, ...paths: Segment[][]) {
  return locatePaths(text, paths).map(({ span, found: depth }) => ({
    value: text.slice(span.start, span.end),
    key: span.keyStart === undefined ? undefined : text.slice(span.keyStart, span.keyEnd),
    depth,
  }));
}

describe('locatePaths: where values stand in the text, in one pass', () => {
  const text = '{\n  "a": [1, {"b": "x\\"y", "c": [true, null]}],\n  "d": {"e": -1.5e3}\n}';

  test('values at several paths at once, with their keys', () => {
    assert.deepEqual(found(text, ['a', 1, 'b'], ['d', 'e'], ['a', 0], []), [
      { value: '"x\\"y"', key: '"b"', depth: 3 },
      { value: '-1.5e3', key: '"e"', depth: 2 },
      { value: '1', key: undefined, depth: 2 },
      { value: text, key: undefined, depth: 0 },
    ]);
  });

  test('a path that does not exist: its longest existing part, and how long that is', () => {
    assert.deepEqual(found(text, ['a', 1, 'missing', 'deeper'], ['a', 7], ['zzz']), [
      { value: '{"b": "x\\"y", "c": [true, null]}', key: undefined, depth: 2 },
      { value: '[1, {"b": "x\\"y", "c": [true, null]}]', key: '"a"', depth: 1 },
      { value: text, key: undefined, depth: 0 },
    ]);
  });

  test('a duplicated key: the last one, as JSON.parse keeps, and nothing of the earlier one', () => {
    const dup = '{"k": {"only-first": 1}, "k": {"other": 2}}';
    assert.deepEqual(found(dup, ['k'], ['k', 'only-first']), [
      { value: '{"other": 2}', key: '"k"', depth: 1 },
      { value: '{"other": 2}', key: '"k"', depth: 1 },
    ]);
  });

  test('keys written with escapes, and brackets inside strings, are read as JSON reads them', () => {
    const escaped = '{"x": "]}\\\\", "\\u0061b": ["[{"], "a\\"b": 3}';
    assert.deepEqual(found(escaped, ['ab', 0], ['a"b']), [
      { value: '"[{"', key: undefined, depth: 2 },
      { value: '3', key: '"a\\"b"', depth: 1 },
    ]);
  });

  test("an object's numeric key and an array's index are both reached", () => {
    assert.deepEqual(found('{"0": ["zero", "one"]}', ['0', 1]), [{ value: '"one"', key: undefined, depth: 2 }]);
  });
});

describe('ValueNode walks over the plain value', () => {
  test('own members only: an id called toString or __proto__ is data, never an inherited property', () => {
    const root = rootOf(parseCalm('{"nodes": [{"__proto__": "p", "unique-id": "constructor"}]}'));
    const node = starChildren(member(root, 'nodes'))[0];
    assert.equal(member(node, '__proto__')?.value, 'p');
    assert.equal(member(node, 'toString'), undefined);
    assert.equal(member(node, 'unique-id')?.value, 'constructor');
    assert.deepEqual(member(node, 'unique-id')?.segments(), ['nodes', 0, 'unique-id']);
  });
});
