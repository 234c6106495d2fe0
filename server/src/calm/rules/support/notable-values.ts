/**
 * One walk over every value of an architecture, sorting out the few that the generic rules report
 * (empty strings, -1 placeholders, `[[ NAME ]]` placeholders): four rules share it, so a large
 * document is walked once, over its plain values, and a node is made only for a value it reports.
 */
import type { CalmDocument } from '../../model';
import { isJsonObject, ValueNode, type Segment } from '../../value-node';
import { looselyEqualsMinusOne } from './json-values';
import { BOOLEAN_PLACEHOLDER, isStringMatching, STRING_PLACEHOLDER } from './placeholders';

export interface NotableValues {
  /** Values `== -1` (JavaScript loose equality). */
  readonly minusOnes: readonly ValueNode[];
  readonly emptyStrings: readonly ValueNode[];
  readonly stringPlaceholders: readonly ValueNode[];
  readonly booleanPlaceholders: readonly ValueNode[];
}

class Collector implements NotableValues {
  readonly minusOnes: ValueNode[] = [];
  readonly emptyStrings: ValueNode[] = [];
  readonly stringPlaceholders: ValueNode[] = [];
  readonly booleanPlaceholders: ValueNode[] = [];
  /** The containers and keys from the root down to the value being looked at. */
  private readonly containers: unknown[] = [];
  private readonly keys: Segment[] = [];

  constructor(private readonly root: unknown) {}

  /** The node of the value at `key` in the innermost container, with its parents. */
  private nodeAt(value: unknown, key: Segment): ValueNode {
    let node = new ValueNode(this.root);
    for (let depth = 1; depth < this.containers.length; depth++) node = new ValueNode(this.containers[depth], node, this.keys[depth]);
    return new ValueNode(value, node, key);
  }

  private look(value: unknown, key: Segment): void {
    if (typeof value === 'string') {
      if (value === '') this.emptyStrings.push(this.nodeAt(value, key));
      else if (value.charCodeAt(0) === 91 /* [ */) {
        if (isStringMatching(value, STRING_PLACEHOLDER)) this.stringPlaceholders.push(this.nodeAt(value, key));
        if (isStringMatching(value, BOOLEAN_PLACEHOLDER)) this.booleanPlaceholders.push(this.nodeAt(value, key));
      }
      if (looselyEqualsMinusOne(value)) this.minusOnes.push(this.nodeAt(value, key));
    } else if (typeof value === 'number') {
      if (value === -1) this.minusOnes.push(this.nodeAt(value, key));
    } else if (typeof value === 'object' && value !== null) {
      // `[-1]` and `[[-1]]` read as -1 too.
      if (Array.isArray(value) && value.length === 1 && looselyEqualsMinusOne(value)) this.minusOnes.push(this.nodeAt(value, key));
      this.below(value, key);
    }
  }

  /** Every value inside `container`, parents before children. Recursion is safe: nesting is capped at 512. */
  below(container: object, key: Segment): void {
    this.containers.push(container);
    this.keys.push(key);
    if (Array.isArray(container)) {
      for (let i = 0; i < container.length; i++) this.look(container[i], i);
    } else if (isJsonObject(container)) {
      for (const k in container) this.look(container[k], k);
    }
    this.containers.pop();
    this.keys.pop();
  }
}

function collect(doc: CalmDocument): NotableValues {
  const collector = new Collector(doc.value);
  if (typeof doc.value === 'object' && doc.value !== null) collector.below(doc.value, '');
  return collector;
}

const cache = new WeakMap<CalmDocument, NotableValues>();

export function notableValues(doc: CalmDocument): NotableValues {
  let values = cache.get(doc);
  if (!values) {
    values = collect(doc);
    cache.set(doc, values);
  }
  return values;
}
