// Every suite of the extension-host test module, in the order they run.
import { activationSuite } from './activation.suite';

export const suites: ReadonlyArray<() => void> = [activationSuite];
