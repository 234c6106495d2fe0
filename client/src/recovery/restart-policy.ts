/**
 * When a crashed language server is started again: up to `maxRestarts` crashes within `windowMs`
 * (as vscode-languageclient's default: 4 in 3 minutes); one more and it stays stopped, since a server
 * that dies at once on every start would otherwise restart forever. No vscode import: unit-tested.
 */
export const MAX_RESTARTS = 4;
export const RESTART_WINDOW_MS = 3 * 60 * 1000;

export class RestartPolicy {
  private crashes: number[] = [];

  constructor(
    readonly maxRestarts = MAX_RESTARTS,
    readonly windowMs = RESTART_WINDOW_MS,
  ) {}

  /** Records a crash at `now` (ms); true when the server should be started again. */
  crashed(now: number): boolean {
    this.crashes = [...this.crashes.filter((t) => now - t < this.windowMs), now];
    return this.crashes.length <= this.maxRestarts;
  }

  /** Crashes counted within the window, as of the last `crashed`. */
  get recentCrashes(): number {
    return this.crashes.length;
  }

  /** A restart the user asked for starts the count afresh. */
  reset(): void {
    this.crashes = [];
  }
}
