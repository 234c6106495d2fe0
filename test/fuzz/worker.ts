/** Runs fuzz cases in a worker thread so that the parent can detect and survive hangs. */
import { parentPort } from 'node:worker_threads';
import { runTarget } from './target';

export interface CaseRequest {
  readonly id: number;
  readonly text: string;
}
export interface CaseReply {
  readonly id: number;
  readonly crash?: string;
  readonly ruleFailures: string[];
  readonly ms: number;
}

// Loading the engine (and compiling it on the fly) is not part of any case: say when we are ready.
parentPort?.postMessage('ready');

parentPort?.on('message', (req: CaseRequest) => {
  const t0 = performance.now();
  let reply: CaseReply;
  try {
    const outcome = runTarget(req.text);
    reply = { id: req.id, ruleFailures: outcome.ruleFailures, ms: performance.now() - t0 };
  } catch (error) {
    reply = { id: req.id, crash: error instanceof Error ? error.stack ?? error.message : String(error), ruleFailures: [], ms: performance.now() - t0 };
  }
  parentPort?.postMessage(reply);
});
