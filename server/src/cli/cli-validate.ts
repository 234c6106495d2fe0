/** `calm-lens validate`, bundled alone as dist/cli-validate.js: loaded only when that command runs. */
export { command } from './validate/command';
