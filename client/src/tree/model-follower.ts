/**
 * Decides which document's model the Model Elements view shows, and when to ask for it again.
 * The view follows one document at a time (the last one asked for: the active editor's, as a rule).
 * Pure, no vscode import: the timing rules are tested on their own.
 *
 * Rules:
 * - each load takes a ticket; an answer that arrives after a newer load started is dropped;
 * - a request that finds no model is retried a few times, spaced (it can race a restarting server
 *   or a document not analysed yet, and no later change would bring the model);
 * - a burst of model changes (typing) becomes one refresh, and only of the document followed:
 *   a refresh still pending when the view moves to another document is dropped, never run;
 * - the document shown, once closed, gives way to the welcome content, unless it is open again at once.
 */

/** Where models come from (the language server). `null`: not a CALM document, as far as it knows. */
export interface ModelRequester<M> {
  requestModel(uri: string): Promise<M | null>;
}

/** What the follower drives: the view. */
export interface ModelDisplay<M> {
  /** Shows a model, or the welcome content (undefined). */
  show(model: M | undefined): void;
  /** The document whose model is shown now, if any. */
  shownUri(): string | undefined;
}

/** Retries of a model request that found no model, and their spacing (ms, growing). */
export const LOAD_RETRIES = 3;
export const LOAD_RETRY_MS = 250;

/** Coalesces a burst of model changes (typing) into one refresh. */
export const REFRESH_DEBOUNCE_MS = 60;

export class ModelFollower<M> {
  /** The document the view follows. */
  private target: string | undefined;
  private ticket = 0;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  constructor(
    private readonly source: ModelRequester<M>,
    private readonly display: ModelDisplay<M>,
  ) {}

  /** The document followed, if any. */
  get following(): string | undefined {
    return this.target;
  }

  /**
   * Follows `uri` from now on: asks for its model and shows it (or the welcome content when it is not CALM).
   * `retries`: 0 for a document the server is never given (another language, another scheme).
   */
  async load(uri: string, retries = LOAD_RETRIES): Promise<void> {
    // A pending refresh was of the document followed until now; this load supersedes it either way.
    this.cancelRefresh();
    this.target = uri;
    const ticket = ++this.ticket;
    for (let attempt = 1; ; attempt++) {
      let model: M | null | undefined;
      try {
        model = await this.source.requestModel(uri);
      } catch {
        model = undefined;
      }
      if (ticket !== this.ticket) return;
      if (model) return this.display.show(model);
      // Not CALM (as far as the server knows yet): the welcome content meanwhile. A server still away
      // (a failed request) leaves the view as it is; its model-changed notice will bring the model.
      if (model === null && this.display.shownUri() !== undefined) this.display.show(undefined);
      if (attempt > retries) return;
      await new Promise((resolve) => setTimeout(resolve, LOAD_RETRY_MS * attempt));
      if (ticket !== this.ticket) return;
    }
  }

  /** The server says a document's model changed: refresh, debounced, if it is the one followed. */
  modelChanged(uri: string): void {
    if (uri !== this.target) return;
    this.cancelRefresh();
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      if (uri === this.target) void this.load(uri);
    }, REFRESH_DEBOUNCE_MS);
  }

  /**
   * A document was closed: if its model is shown, the welcome content instead, unless the document is open
   * again by the next turn (switching a document's language closes and reopens it at once: the view would
   * flash its welcome content until the model came back).
   */
  closed(uri: string, isOpen: (uri: string) => boolean): void {
    if (this.display.shownUri() !== uri) return;
    setTimeout(() => {
      if (!this.disposed && this.display.shownUri() === uri && !isOpen(uri)) this.display.show(undefined);
    }, 0);
  }

  dispose(): void {
    this.disposed = true;
    this.cancelRefresh();
    // Answers still on their way are dropped.
    this.ticket++;
  }

  private cancelRefresh(): void {
    if (this.refreshTimer === undefined) return;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
  }
}
