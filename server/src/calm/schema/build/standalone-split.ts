/**
 * Ajv's standalone code (ajv/dist/standalone), split into one CommonJS module per group of entry
 * schemas (a CALM version) plus one module of the validators several groups share (JSON Schema
 * 2020-12's own meta schema, which every version's calm.json extends). A process then evaluates
 * only the groups it uses, and no validator's code appears twice in a bundle.
 *
 * This follows ajv 8's `standaloneCode` (multiExportsCode/validateCode) step for step; the one
 * difference is that a group starts from the names the shared module already emitted, and imports
 * them from it instead of emitting them again. The generator's fingerprint covers ajv's version,
 * and the schema-validators unit test compares every generated validator with a freshly compiled one.
 */
import type Ajv2020 from 'ajv/dist/2020';
import { _Code, getProperty, nil, type Code } from 'ajv/dist/compile/codegen/code';
import { UsedValueState, type UsedScopeValues, type ValueScopeName } from 'ajv/dist/compile/codegen/scope';
import type { SourceCode } from 'ajv/dist/types';

export interface SplitStandalone {
  /** The shared module's code. */
  readonly shared: string;
  /** Each group's module code, by group name; it requires the shared module by `sharedRequire`. */
  readonly groups: ReadonlyMap<string, string>;
}

function stateOf(used: UsedScopeValues, name: ValueScopeName): UsedValueState | undefined {
  return used[name.prefix]?.get(name);
}

function setState(used: UsedScopeValues, name: ValueScopeName, state: UsedValueState): void {
  (used[name.prefix] ??= new Map()).set(name, state);
}

function sourceOf(ajv: Ajv2020, id: string): SourceCode {
  const source = ajv.getSchema(id)?.source;
  if (!source) throw new Error(`standalone: no compiled source for ${id} (is code.source set?)`);
  return source;
}

/** A validator's code and, before it, the code of every scope value it uses that `used` has not seen yet. */
function validatorCode(ajv: Ajv2020, used: UsedScopeValues, source: SourceCode | undefined): Code {
  if (!source) throw new Error('standalone: a referenced validator has no source');
  if (stateOf(used, source.validateName) === UsedValueState.Completed) return nil;
  setState(used, source.validateName, UsedValueState.Started);
  const scopeCode = ajv.scope.scopeCode(source.scopeValues, used, (name) => referenceCode(ajv, used, name));
  const code = `${scopeCode}${source.validateCode}`;
  return new _Code(source.evaluated ? `${code}${source.validateName}.evaluated = ${source.evaluated};` : code);
}

/** The code of a scope value that names another validator (a `$ref` target or a recursive root). */
function referenceCode(ajv: Ajv2020, used: UsedScopeValues, name: ValueScopeName): Code | undefined {
  const ref: unknown = name.value?.ref;
  if (name.prefix === 'validate' && typeof ref === 'function') {
    return validatorCode(ajv, used, (ref as { source?: SourceCode }).source);
  }
  if ((name.prefix === 'root' || name.prefix === 'wrapper') && typeof ref === 'object' && ref !== null) {
    const { validate, validateName } = ref as { validate?: { source?: SourceCode }; validateName?: ValueScopeName };
    if (!validateName) throw new Error('standalone: a validator wrapper has no name');
    const wrapper = `const ${name} = {validate: ${validateName}};`;
    if (stateOf(used, validateName) === UsedValueState.Started) return new _Code(wrapper);
    return new _Code(`${wrapper}${validatorCode(ajv, used, validate?.source)}`);
  }
  return undefined;
}

function copyOf(used: UsedScopeValues): UsedScopeValues {
  return Object.fromEntries(Object.entries(used).map(([prefix, names]) => [prefix, new Map(names)]));
}

function namesIn(used: UsedScopeValues): string[] {
  return Object.values(used).flatMap((names) => [...(names?.keys() ?? [])].map(String));
}

/** Validators that the code of more than one group needs. */
function sharedValidators(ajv: Ajv2020, groups: ReadonlyMap<string, readonly string[]>): ValueScopeName[] {
  const groupsUsing = new Map<ValueScopeName, number>();
  for (const ids of groups.values()) {
    const used: UsedScopeValues = {};
    for (const id of ids) validatorCode(ajv, used, sourceOf(ajv, id));
    for (const name of used.validate?.keys() ?? []) groupsUsing.set(name, (groupsUsing.get(name) ?? 0) + 1);
  }
  return [...groupsUsing].filter(([, count]) => count > 1).map(([name]) => name);
}

/**
 * `groups` maps a group name to the `$id`s its module exports (each under its `$id`). Every `$id`
 * must be compiled by `ajv`, which must have been created with `code.source`.
 */
export function splitStandalone(ajv: Ajv2020, groups: ReadonlyMap<string, readonly string[]>, sharedRequire: string): SplitStandalone {
  const sharedUsed: UsedScopeValues = {};
  let sharedCode = '';
  for (const name of sharedValidators(ajv, groups)) {
    sharedCode += `${validatorCode(ajv, sharedUsed, (name.value?.ref as { source?: SourceCode } | undefined)?.source)}`;
  }
  const sharedNames = namesIn(sharedUsed);
  const shared = `"use strict";\n${sharedCode}\nmodule.exports = { ${sharedNames.join(', ')} };\n`;

  const modules = new Map<string, string>();
  for (const [group, ids] of groups) {
    const used = copyOf(sharedUsed);
    let code = '';
    for (const id of ids) {
      const source = sourceOf(ajv, id);
      code += `exports${getProperty(id)} = ${source.validateName};\n${validatorCode(ajv, used, source)}\n`;
    }
    const imports = sharedNames.filter((name) => new RegExp(`\\b${name}\\b`).test(code));
    const head = imports.length > 0 ? `const { ${imports.join(', ')} } = require(${JSON.stringify(sharedRequire)});\n` : '';
    modules.set(group, `"use strict";\n${head}${code}`);
  }
  return { shared, groups: modules };
}
