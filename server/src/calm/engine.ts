/** The one entry point that turns a CALM document into findings: syntax, schema, then rules. */
import type { Finding } from './findings';
import type { CalmDocument } from './model';
import { buildIndex, type CalmIndex } from './model-index';
import { parseCalm } from './parse';
import { placeRuleFindings } from './place-findings';
import type { Rule } from './rules/rule';
import type { RuleFinding } from './rules/support/report';
import { ALL_RULES } from './rules';
import { schemaFindings, type SchemaLoader } from './schema';

export interface ValidateOptions {
  /**
   * Loads a schema that `$schema` (or a `--pattern`) names and that is not a bundled CALM meta schema:
   * a relative path or a URL. Supplied by the host (server, CLI); the engine itself does no I/O.
   */
  readonly loadSchema?: SchemaLoader;
  /** Validate against this pattern instead of what `$schema` names (the CLI's `--pattern`). */
  readonly patternRef?: string;
  /** Rules to run (default: all). */
  readonly rules?: readonly Rule[];
}

/** A rule that threw: reported to the host's log, never to the user as a finding. */
export interface RuleFailure {
  readonly code: string;
  readonly error: unknown;
}

export interface ValidationResult {
  readonly doc: CalmDocument;
  readonly index: CalmIndex;
  /** In document order of their range start. */
  readonly findings: Finding[];
  readonly ruleFailures: RuleFailure[];
}

/** The rules that apply to the document's kind, run, and their findings placed in the text. */
export function runRules(
  doc: CalmDocument,
  rules: readonly Rule[],
  indexOf: () => CalmIndex = () => buildIndex(doc),
): { findings: Finding[]; failures: RuleFailure[] } {
  const context = {
    doc,
    get index() {
      return indexOf();
    },
  };
  const found: RuleFinding[] = [];
  const failures: RuleFailure[] = [];
  for (const rule of rules) {
    if (!rule.kinds.includes(doc.kind)) continue;
    try {
      found.push(...rule.check(context));
    } catch (error) {
      failures.push({ code: rule.code, error });
    }
  }
  return { findings: placeRuleFindings(doc, found), failures };
}

export function validateDocument(doc: CalmDocument, options: ValidateOptions = {}): ValidationResult {
  // The index serves language features; rules that want it build it on first use.
  let index: CalmIndex | undefined;
  const indexOf = (): CalmIndex => (index ??= buildIndex(doc));
  const findings: Finding[] = [...doc.syntaxFindings];
  const ruleFailures: RuleFailure[] = [];
  // Broken JSON: say where it is broken; schema and rule findings on a guessed tree would mislead.
  if (doc.syntaxFindings.length === 0) {
    try {
      findings.push(...schemaFindings(doc, options));
    } catch (error) {
      ruleFailures.push({ code: 'json-schema', error });
    }
    const rules = runRules(doc, options.rules ?? ALL_RULES, indexOf);
    findings.push(...rules.findings);
    ruleFailures.push(...rules.failures);
  }
  findings.sort((a, b) => a.range.start - b.range.start);
  return {
    doc,
    get index() {
      return indexOf();
    },
    findings,
    ruleFailures,
  };
}

export function validateText(text: string, options: ValidateOptions = {}): ValidationResult {
  return validateDocument(parseCalm(text), options);
}
