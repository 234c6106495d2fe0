/**
 * Ajv reports a failed `oneOf`/`anyOf` as the errors of every alternative followed by the
 * combinator's own error. This regroups them: each combinator error takes the errors just before
 * it that concern its value (its instance path or below) as its members, nested combinators included.
 */
import type { ErrorObject } from 'ajv/dist/2020';

export type ErrorNode =
  | { readonly kind: 'raw'; readonly error: ErrorObject }
  | { readonly kind: 'group'; readonly error: ErrorObject; readonly members: readonly ErrorNode[] };

const COMBINATORS = new Set(['oneOf', 'anyOf']);

function concerns(instancePath: string, base: string): boolean {
  return instancePath === base || instancePath.startsWith(base + '/');
}

export function groupErrors(errors: readonly ErrorObject[]): ErrorNode[] {
  const stack: ErrorNode[] = [];
  for (const error of errors) {
    if (!COMBINATORS.has(error.keyword)) {
      stack.push({ kind: 'raw', error });
      continue;
    }
    let first = stack.length;
    while (first > 0 && concerns(stack[first - 1].error.instancePath, error.instancePath)) first--;
    const members = stack.splice(first);
    stack.push({ kind: 'group', error, members });
  }
  return stack;
}

/** Every Ajv error of a node, in Ajv's order (members first, then the combinator's own). */
export function errorsIn(node: ErrorNode): ErrorObject[] {
  return node.kind === 'raw' ? [node.error] : [...node.members.flatMap(errorsIn), node.error];
}
