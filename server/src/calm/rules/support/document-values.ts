/** Every value of a document, listed once per document version and shared by the rules that scan them all. */
import type { Node as JsonNode } from 'jsonc-parser';
import type { CalmDocument } from '../../model';
import { descendantsOf } from './tree';

const cache = new WeakMap<CalmDocument, readonly JsonNode[]>();

/** The reference's `$..*`: every value below the root, in document order. */
export function allValues(doc: CalmDocument): readonly JsonNode[] {
  let values = cache.get(doc);
  if (!values) {
    values = doc.root ? descendantsOf(doc.root) : [];
    cache.set(doc, values);
  }
  return values;
}
