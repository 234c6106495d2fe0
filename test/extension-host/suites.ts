// Every suite of the extension-host test module, in the order they run. Activation goes first:
// it checks what happens before any CALM document was opened.
import { activationSuite } from './activation.suite';
import { diagnosticsSuite } from './diagnostics.suite';
import { languageFeaturesSuite } from './language-features.suite';
import { previewSuite } from './preview.suite';
import { previewPanelSuite } from './preview-panel.suite';
import { recoverySuite } from './recovery.suite';
import { selectionSuite } from './selection.suite';
import { settingsSuite } from './settings.suite';
import { treeSuite } from './tree.suite';
import { trustSuite } from './trust.suite';

export const suites: ReadonlyArray<() => void> = [activationSuite, diagnosticsSuite, settingsSuite, trustSuite, selectionSuite, treeSuite, previewSuite, previewPanelSuite, languageFeaturesSuite, recoverySuite];
