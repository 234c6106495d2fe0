/** `calm-lens render`, bundled alone as dist/cli-render.js (with elkjs): loaded only when that command runs. */
export { command } from './render';
