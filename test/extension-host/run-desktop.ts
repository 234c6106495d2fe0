// `npm run test:extension-host:desktop`: the extension-host suite in desktop VS Code, downloaded by
// @vscode/test-electron (needs network access to update.code.visualstudio.com and a display, e.g.
// `xvfb-run -a npm run test:extension-host:desktop` on Linux). Set CALM_LENS_VSCODE_VERSION to pin one.
import { runExtensionHostSuite } from './launch';

runExtensionHostSuite({ version: process.env.CALM_LENS_VSCODE_VERSION }).then(
  (results) => {
    console.log(`extension-host suite (desktop VS Code): ${results.passed} passed, ${results.failed} failed, ${results.pending} pending`);
    process.exit(results.failed === 0 && results.pending === 0 && results.passed > 0 ? 0 : 1);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
