/** The `calm` TextMate grammar, tokenized by VS Code's own engine: JSON scopes plus distinct scopes for CALM keys, ids and references. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { before, describe, test } from 'node:test';
import { loadWASM, OnigScanner, OnigString } from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar } from 'vscode-textmate';
import { EXAMPLE_TEXT, REPO_ROOT } from './features-support';

interface Token {
  readonly text: string;
  readonly scopes: readonly string[];
}

let grammar: IGrammar;

function tokenize(text: string): Token[][] {
  let state = INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** The innermost scopes of the first token whose text is `text`, on the line containing `lineText`. */
function scopesOf(tokens: Token[][], lines: string[], lineText: string, text: string, occurrence = 0): readonly string[] {
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].includes(lineText)) continue;
    if (seen++ < occurrence) continue;
    const token = tokens[i].find((t) => t.text === text);
    assert.ok(token, `token ${text} on line ${i + 1}: ${JSON.stringify(tokens[i].map((t) => t.text))}`);
    return token.scopes;
  }
  throw new Error(`no line contains ${lineText}`);
}

before(async () => {
  const wasm = readFileSync(resolve(REPO_ROOT, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  await loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (patterns: string[]) => new OnigScanner(patterns), createOnigString: (s: string) => new OnigString(s) }),
    loadGrammar: async (scopeName) => {
      if (scopeName !== 'source.calm') return null;
      const path = resolve(REPO_ROOT, 'syntaxes/calm.tmLanguage.json');
      return parseRawGrammar(readFileSync(path, 'utf8'), path);
    },
  });
  const loaded = await registry.loadGrammar('source.calm');
  assert.ok(loaded);
  grammar = loaded;
});

describe('the calm grammar', () => {
  const lines = EXAMPLE_TEXT.split('\n');
  let tokens: Token[][];
  before(() => {
    tokens = tokenize(EXAMPLE_TEXT);
  });

  test('CALM keys have their own scopes', () => {
    assert.ok(scopesOf(tokens, lines, '"unique-id": "customer"', 'unique-id').includes('keyword.other.unique-id.calm'));
    assert.ok(scopesOf(tokens, lines, '"node-type": "actor"', 'node-type').includes('keyword.other.node-type.calm'));
    assert.ok(scopesOf(tokens, lines, '"relationship-type"', 'relationship-type').includes('keyword.other.relationship-type.calm'));
    assert.ok(scopesOf(tokens, lines, '"interacts"', 'interacts').includes('keyword.control.relationship-kind.interacts.calm'));
    assert.ok(scopesOf(tokens, lines, '"connects"', 'connects').includes('keyword.control.relationship-kind.connects.calm'));
    assert.ok(scopesOf(tokens, lines, '"composed-of"', 'composed-of').includes('keyword.control.relationship-kind.composed-of.calm'));
    for (const kind of ['deployed-in', 'options']) {
      const t = tokenize(`{ "relationship-type": { "${kind}": {} } }`);
      assert.ok(t[0].find((x) => x.text === kind)?.scopes.includes(`keyword.control.relationship-kind.${kind}.calm`), kind);
    }
  });

  test('the five kinds are keywords only directly under relationship-type', () => {
    const t = tokenize('{ "metadata": { "connects": "x", "options": [] }, "relationship-type": { "connects": { "options": 1 } } }');
    const kinds = t[0].filter((x) => x.text === 'connects' || x.text === 'options').map((x) => x.scopes.some((s) => s.startsWith('keyword.control.relationship-kind')));
    assert.deepEqual(kinds, [false, false, true, false]);
  });

  test('keys stay JSON property names, so themes colour them as in JSON', () => {
    const scopes = scopesOf(tokens, lines, '"unique-id": "customer"', 'unique-id');
    assert.deepEqual(scopes.slice(0, 4), ['source.calm', 'meta.structure.dictionary.json', 'meta.structure.dictionary.value.json', 'meta.structure.array.json']);
    assert.ok(scopes.includes('support.type.property-name.json'));
    assert.ok(scopesOf(tokens, lines, '"name": "Customer"', 'name').includes('support.type.property-name.json'));
  });

  test('ids defined, node types and references are told apart', () => {
    assert.ok(scopesOf(tokens, lines, '"unique-id": "customer"', 'customer').includes('entity.name.type.unique-id.calm'));
    assert.ok(scopesOf(tokens, lines, '"node-type": "actor"', 'actor').includes('support.constant.node-type.calm'));
    assert.ok(scopesOf(tokens, lines, '"actor": "customer"', 'customer').includes('variable.other.reference.calm'));
    assert.ok(scopesOf(tokens, lines, '"node": "order-service"', 'order-service').includes('variable.other.reference.calm'));
    assert.ok(scopesOf(tokens, lines, '"container": "ecommerce-platform"', 'ecommerce-platform').includes('variable.other.reference.calm'));
    // A list entry inside a relationship, and an interface listed on a connects end.
    assert.ok(scopesOf(tokens, lines, '"inventory-database"', 'inventory-database', 2).includes('variable.other.reference.calm'));
    assert.ok(scopesOf(tokens, lines, '"gateway-https"', 'gateway-https', 1).includes('variable.other.reference.calm'));
    // Plain values are plain strings.
    const plain = scopesOf(tokens, lines, '"name": "Customer"', 'Customer');
    assert.equal(plain[plain.length - 1], 'string.quoted.double.json');
  });

  test('JSON values: numbers, constants, escapes, and the $schema link', () => {
    assert.ok(scopesOf(tokens, lines, '"port": 443', '443').includes('constant.numeric.json'));
    assert.ok(scopesOf(tokens, lines, '"pci-compliant": true', 'true').includes('constant.language.json'));
    const escaped = tokenize('{ "description": "a \\"quoted\\" word" }');
    assert.ok(escaped[0].find((t) => t.text === '\\"')?.scopes.includes('constant.character.escape.json'));
    assert.ok(scopesOf(tokens, lines, '"$schema"', 'https://calm.finos.org/release/1.1/meta/calm.json').includes('markup.underline.link.schema.calm'));
  });

  test('the whole example tokenizes without an invalid token, and the state returns to the top level', () => {
    for (const line of tokens) for (const t of line) assert.ok(!t.scopes.some((s) => s.startsWith('invalid')), `${t.text}: ${t.scopes.join(' ')}`);
    const all = tokenize(EXAMPLE_TEXT + '\n{}');
    assert.deepEqual(all[all.length - 1][0].scopes, ['source.calm', 'meta.structure.dictionary.json', 'punctuation.definition.dictionary.begin.json'], 'a following value starts at the top level again');
  });
});
