/** Ajv errors -> findings: raw ones as the reference reports them, and readable summaries over them. */
import type { ErrorObject } from 'ajv/dist/2020';
import type { Finding, OffsetRange } from '../findings';
import type { CalmDocument } from '../model';
import { explainGroup } from './explain';
import { errorsIn, groupErrors, type ErrorNode } from './groups';
import { locatorFor, type Location, type Locator } from './locate';
import { errorsText, referenceMessage } from './messages';
import { valueAt } from './values';

function finding(location: Location, message: string, schemaPath: string | undefined, range: OffsetRange = location.range, children?: Finding[]): Finding {
  return {
    code: 'json-schema',
    severity: 'error',
    message,
    path: location.path,
    range,
    source: 'json-schema',
    ...(schemaPath === undefined ? {} : { schemaPath }),
    ...(children ? { children } : {}),
  };
}

function rawFinding(location: Location, e: ErrorObject): Finding {
  return finding(location, referenceMessage(e), e.schemaPath);
}

/** An extra property: named, and underlined at its own key (the raw finding says neither). */
function additionalPropertySummary(locator: Locator, location: Location, e: ErrorObject): Finding {
  const name = String(e.params.additionalProperty);
  const owner = location.path === '/' ? 'the document' : `'${location.path.split('/').pop()}'`;
  const range = locator.memberKey(e.instancePath, name) ?? location.range;
  return finding(location, `Property '${name}' is not allowed in ${owner}.`, e.schemaPath, range, [rawFinding(location, e)]);
}

/** `$schema` that is not a URL (calm.json asks for format `uri`): say what it should be. */
function schemaUriSummary(doc: CalmDocument, location: Location, e: ErrorObject): Finding {
  const written = String(valueAt(doc.value, '/$schema'));
  const meant = doc.schema.kind === 'meta' && !/^https?:\/\//.test(written.trim()) ? `https://${written.trim().replace(/^\/+/, '')}` : undefined;
  const message = `$schema must be an absolute URL${meant ? `: did you mean '${meant}'?` : '.'}`;
  return finding(location, message, e.schemaPath, location.range, [rawFinding(location, e)]);
}

function rawNodeFinding(doc: CalmDocument, locator: Locator, location: Location, e: ErrorObject): Finding {
  if (e.keyword === 'additionalProperties') return additionalPropertySummary(locator, location, e);
  if (e.keyword === 'format' && e.instancePath === '/$schema') return schemaUriSummary(doc, location, e);
  return rawFinding(location, e);
}

function nodeFindings(doc: CalmDocument, locator: Locator, node: ErrorNode): Finding[] {
  const location = locator.at(node.error.instancePath);
  if (node.kind === 'raw') return [rawNodeFinding(doc, locator, location, node.error)];
  const children = [
    ...node.members.flatMap((m) => nodeFindings(doc, locator, m)),
    rawFinding(location, node.error),
    ...node.trailing.map((e) => rawFinding(location, e)),
  ];
  const message = explainGroup(node, doc.value, location.path);
  return [finding(location, message, node.error.schemaPath, location.range, children)];
}

/** Findings for errors of the document against its schema: one per raw error, combinators summarised. */
export function instanceFindings(doc: CalmDocument, errors: readonly ErrorObject[]): Finding[] {
  if (errors.length === 0) return [];
  const memberKeys = errors
    .filter((e) => e.keyword === 'additionalProperties')
    .map((e) => ({ instancePath: e.instancePath, name: String(e.params.additionalProperty) }));
  const locator = locatorFor(
    doc,
    errors.map((e) => e.instancePath),
    memberKeys,
  );
  return groupErrors(errors).flatMap((node) => nodeFindings(doc, locator, node));
}

/**
 * Findings for a pattern that is not a valid schema. The reference reports this as one finding at
 * `/` with Ajv's text (`schema is invalid: data/... must ...`); we keep that path and text, but give
 * each place in the pattern its own finding, underlined there, with a readable summary on top.
 */
export function schemaCheckFindings(doc: CalmDocument, errors: readonly ErrorObject[]): Finding[] {
  if (errors.length === 0) return [];
  const locator = locatorFor(
    doc,
    errors.map((e) => e.instancePath),
  );
  return groupErrors(errors).flatMap((node) => {
    const location = locator.at(node.error.instancePath);
    const raw: Finding = { ...finding(location, `schema is invalid: ${errorsText(errorsIn(node))}`, node.error.schemaPath), path: '/' };
    const where = node.error.instancePath === '' ? 'the pattern' : `'${node.error.instancePath.slice(1)}'`;
    const what = node.kind === 'group' ? explainGroup(node, doc.value, node.error.instancePath || '/') : `${where} ${referenceMessage(node.error)}.`;
    return [{ ...raw, message: `This pattern is not a valid schema: ${what}`, children: [raw] }];
  });
}

/** A finding about `$schema` itself (or the document, when it has none). */
export function schemaProblem(doc: CalmDocument, message: string): Finding | undefined {
  const at = doc.schemaRange ? '/$schema' : '';
  const location = locatorFor(doc, [at]).at(at);
  return finding(location, message, undefined, doc.schemaRange ?? location.range);
}
