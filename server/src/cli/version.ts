/** The CLI's version is the package's: esbuild inlines it from package.json at build time. */
import { version } from '../../../package.json';

export const CLI_VERSION: string = version;
