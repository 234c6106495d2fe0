// What the extension-host test module and its launchers agree on. No imports: both a Node
// launcher and the bundled test module load it.

/** Environment variable naming the JSON file the test module writes its counts into. */
export const RESULTS_FILE_ENV = 'CALM_LENS_EXT_TEST_RESULTS';

/** Logged by the test module when mocha starts: the workbench's own chatter comes before it. */
export const START_MARKER = '[calm-lens] extension-host tests start';

export interface ExtensionHostResults {
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; error: string }[];
}
