/** What the engine reports. Pure data: no vscode, no LSP types. */

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** Half-open character offsets into the document text. */
export interface OffsetRange {
  readonly start: number;
  readonly end: number;
}

/** Where a finding came from: decides the bucket in the reference's JSON output. */
export type FindingSource = 'json-syntax' | 'json-schema' | 'rule';

export interface Finding {
  /** Reference code, e.g. `json-schema`, `unique-ids-must-be-unique-in-architecture`, or ours (`json-syntax`). */
  readonly code: string;
  readonly severity: Severity;
  /** Plain-words message. Rule messages are byte-identical to the reference's. */
  readonly message: string;
  /**
   * JSON pointer of the offending value, with array indexes of elements that have a
   * string `unique-id` replaced by that id (the reference's convention).
   */
  readonly path: string;
  /** What to underline: the offending key or value. Starts on the line the reference reports. */
  readonly range: OffsetRange;
  readonly source: FindingSource;
  /** For schema findings: the schema location that failed (e.g. `#/defs/node/required`). */
  readonly schemaPath?: string;
  /**
   * Raw findings that this one summarises (e.g. every Ajv error of one failed `oneOf`).
   * Editors show the summary; the CLI's reference format and the parity tests flatten them.
   */
  readonly children?: readonly Finding[];
}

/** Findings in reading order, summaries expanded into their raw children (for reference-format output). */
export function flattenFindings(findings: readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    if (f.children && f.children.length > 0) out.push(...flattenFindings(f.children));
    else out.push(f);
  }
  return out;
}
