/** Every value of a document, listed once per document version and shared by the rules that scan them all. */
import type { CalmDocument } from '../../model';
import type { ValueNode } from '../../value-node';
import { descendantsOf, rootOf } from './tree';

const cache = new WeakMap<CalmDocument, readonly ValueNode[]>();

/** The reference's `$..*`: every value below the root, parents before children. */
export function allValues(doc: CalmDocument): readonly ValueNode[] {
  let values = cache.get(doc);
  if (!values) {
    values = descendantsOf(rootOf(doc));
    cache.set(doc, values);
  }
  return values;
}
