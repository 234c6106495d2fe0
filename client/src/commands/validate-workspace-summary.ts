/** The message shown after "CALM: Validate Workspace". Pure, so it is unit-tested. */
import type { ValidateWorkspaceResult } from '../../../server/src/protocol';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function summary(result: ValidateWorkspaceResult): string {
  if (result.files === 0) return 'No CALM files found in the workspace.';
  if (result.errors + result.warnings === 0) return `Validated ${plural(result.files, 'CALM file')}: no problems.`;
  const where = result.filesWithErrors > 0 ? ` (errors in ${plural(result.filesWithErrors, 'file')})` : '';
  return `Validated ${plural(result.files, 'CALM file')}: ${plural(result.errors, 'error')} and ${plural(result.warnings, 'warning')}${where}.`;
}
