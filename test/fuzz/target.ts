/** What one fuzz case exercises in-process: the whole engine. Throws only if the product would crash. */
import { validateText } from '../../server/src/calm/engine';

export interface TargetOutcome {
  /** Exceptions that the engine caught inside a rule: bugs, even though the user still gets findings. */
  readonly ruleFailures: string[];
  readonly findings: number;
}

export function runTarget(text: string): TargetOutcome {
  const result = validateText(text);
  return {
    ruleFailures: result.ruleFailures.map((f) => `${f.code}: ${f.error instanceof Error ? f.error.stack ?? f.error.message : String(f.error)}`),
    findings: result.findings.length,
  };
}
