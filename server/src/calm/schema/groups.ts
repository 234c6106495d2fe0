/**
 * Ajv reports a failed `oneOf`/`anyOf` as the errors of every alternative followed by the
 * combinator's own error. This regroups them: each combinator error takes the errors just before
 * it that concern its value (its instance path or below) as its members, nested combinators included.
 * A `type` error of the same schema object right after it (e.g. relationship-type is not an object)
 * joins the group too: it is the same complaint about the same value.
 */
import type { ErrorObject } from 'ajv/dist/2020';

export type ErrorNode =
  | { readonly kind: 'raw'; readonly error: ErrorObject }
  | {
      readonly kind: 'group';
      readonly error: ErrorObject;
      /** The alternatives' errors, reported before the combinator's own. */
      readonly members: readonly ErrorNode[];
      /** Errors of the same schema object about the same value, reported after it. */
      readonly trailing: ErrorObject[];
    };

const COMBINATOR = /\/(oneOf|anyOf)$/;

function concerns(instancePath: string, base: string): boolean {
  return instancePath === base || instancePath.startsWith(base + '/');
}

function isSiblingTypeError(error: ErrorObject, node: ErrorNode | undefined): boolean {
  return (
    node?.kind === 'group' &&
    error.keyword === 'type' &&
    error.instancePath === node.error.instancePath &&
    error.schemaPath === node.error.schemaPath.replace(COMBINATOR, '/type')
  );
}

export function groupErrors(errors: readonly ErrorObject[]): ErrorNode[] {
  const stack: ErrorNode[] = [];
  for (const error of errors) {
    const top = stack[stack.length - 1];
    if (isSiblingTypeError(error, top) && top.kind === 'group') {
      top.trailing.push(error);
    } else if (error.keyword === 'oneOf' || error.keyword === 'anyOf') {
      let first = stack.length;
      while (first > 0 && concerns(stack[first - 1].error.instancePath, error.instancePath)) first--;
      stack.push({ kind: 'group', error, members: stack.splice(first), trailing: [] });
    } else {
      stack.push({ kind: 'raw', error });
    }
  }
  return stack;
}

/** Every Ajv error of a node, in Ajv's order. */
export function errorsIn(node: ErrorNode): ErrorObject[] {
  return node.kind === 'raw' ? [node.error] : [...node.members.flatMap(errorsIn), node.error, ...node.trailing];
}
