/**
 * Controls written with the legacy `control-requirement-url` are not validated by the reference; it says
 * so once per document. It looks for that name anywhere (as a key or as a string value), and so do we.
 */
import type { Rule } from './rule';
import { allValues } from './support/document-values';
import { finding, ROOT_PATH } from './support/report';

const LEGACY_NAME = 'control-requirement-url';
const MESSAGE =
  'Architecture contains legacy control naming (control-requirement-url). Migrate to requirement-url. Controls with legacy naming were not validated.';

export const controlLegacyNaming: Rule = {
  code: 'control-legacy-naming',
  severity: 'warning',
  kinds: ['architecture'],
  check({ doc }) {
    // The name can only be in the document if it is in the text, unless written with \u escapes.
    if (!doc.text.includes(LEGACY_NAME) && !doc.text.includes('\\u')) return [];
    for (const value of allValues(doc)) {
      if (value.key === LEGACY_NAME) return [finding(controlLegacyNaming, MESSAGE, ROOT_PATH, { keyOf: value })];
      if (value.value === LEGACY_NAME) return [finding(controlLegacyNaming, MESSAGE, ROOT_PATH, value)];
    }
    return [];
  },
};
