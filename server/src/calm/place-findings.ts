/** Rule findings placed in the text: every value they name located in one pass, then underlined. */
import type { Finding, OffsetRange } from './findings';
import { locatePaths, type TextSpan } from './locate-text';
import type { CalmDocument } from './model';
import { DOCUMENT_START, type Anchor, type RuleFinding } from './rules/support/report';
import { ValueNode } from './value-node';

const LINE_BREAK = /[\r\n]/;

/**
 * A scalar: itself. An object or array: its key when the key sits on the line of the opening bracket
 * (a whole block underlined hides the code), else the opening bracket. Either way the range starts on
 * the value's first line, where the reference reports it.
 */
function underline(text: string, node: ValueNode, span: TextSpan): OffsetRange {
  const type = node.type;
  if (type !== 'object' && type !== 'array') return { start: span.start, end: span.end };
  if (span.keyStart !== undefined && span.keyEnd !== undefined && !LINE_BREAK.test(text.slice(span.keyEnd, span.start))) {
    return { start: span.keyStart, end: span.keyEnd };
  }
  return { start: span.start, end: span.start + 1 };
}

function anchorNode(at: Anchor): ValueNode | undefined {
  if (at === DOCUMENT_START) return undefined;
  return at instanceof ValueNode ? at : at.keyOf;
}

function keyRange(span: TextSpan): OffsetRange {
  return span.keyStart !== undefined && span.keyEnd !== undefined ? { start: span.keyStart, end: span.keyEnd } : { start: span.start, end: span.end };
}

export function placeRuleFindings(doc: CalmDocument, found: readonly RuleFinding[]): Finding[] {
  if (found.length === 0) return [];
  const text = doc.text;
  const nodes = found.map((f) => anchorNode(f.at));
  // The root's path is asked for too: findings about the whole document are underlined at its start.
  const located = locatePaths(text, [[], ...nodes.map((node) => node?.segments() ?? [])]);
  const rootStart = located[0].span.start;
  return found.map((f, i) => {
    const node = nodes[i];
    const span = located[i + 1].span;
    const range = !node
      ? { start: rootStart, end: Math.min(rootStart + 1, text.length) }
      : f.at === node
        ? underline(text, node, span)
        : keyRange(span);
    const placed: Finding = { code: f.code, severity: f.severity, message: f.message, path: f.path, range, source: 'rule' };
    return f.schemaPath === undefined ? placed : { ...placed, schemaPath: f.schemaPath };
  });
}
