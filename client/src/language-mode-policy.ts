/**
 * When a JSON document becomes a `calm` document. Pure (no vscode import) so it is unit-tested.
 *
 * Why switch at all: in VS Code's JSON mode, the JSON language server would serve a CALM document too,
 * validating it against its `$schema` on its own (downloading it from calm.finos.org, or warning that it
 * cannot) and offering its own completion, hovers, outline and formatting: each CALM problem and item
 * would show twice. In the `calm` language only CALM Lens serves the document; its server supplies the
 * JSON features JSON mode had (outline, folding, smart select, formatting) and the language
 * configuration supplies brackets, auto-closing and indentation, so nothing is lost.
 */

export const CALM_LANGUAGE_ID = 'calm';
/** The languages a CALM document may arrive in before it is recognised. */
export const SWITCHABLE_LANGUAGE_IDS: readonly string[] = ['json', 'jsonc'];
/** Saved files and untitled buffers; never diff views, git revisions or output panels. */
export const SWITCHABLE_SCHEMES: readonly string[] = ['file', 'untitled'];

export interface SwitchCandidate {
  readonly languageId: string;
  readonly scheme: string;
  /** The language server's verdict. */
  readonly isCalm: boolean;
  /** `calm.languageMode.autoSwitch` for the document. */
  readonly autoSwitch: boolean;
  /** Switched once already this session: if it is JSON again, the user chose JSON, and that stands. */
  readonly switchedBefore: boolean;
}

export function shouldSwitchToCalm(c: SwitchCandidate): boolean {
  return c.isCalm && c.autoSwitch && !c.switchedBefore && SWITCHABLE_LANGUAGE_IDS.includes(c.languageId) && SWITCHABLE_SCHEMES.includes(c.scheme);
}
