/**
 * An elkjs instance that runs synchronously in the current thread. In a Web Worker, elkjs's bundled
 * build sees no `document` and takes itself for *the* ELK worker: instead of exporting its layout
 * engine it takes over the worker's messages. Giving it a `document` while it loads keeps it a library
 * inside our own worker (which adds the model handling, the cache key and the deadline around it).
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkEngine } from './layout';

export function createElk(): ElkEngine {
  const scope = globalThis as { document?: unknown };
  const lent = scope.document === undefined;
  if (lent) scope.document = {};
  try {
    return new ELK();
  } finally {
    if (lent) delete scope.document;
  }
}
