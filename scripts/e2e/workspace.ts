// A scratch copy of examples/ for a test to open and edit, so no test changes the repository.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { examplesDir } from './paths';

export interface ScratchWorkspace {
  readonly dir: string;
  dispose(): void;
}

export function copyOfExamples(): ScratchWorkspace {
  const root = mkdtempSync(join(tmpdir(), 'calm-lens-ws-'));
  // The folder keeps the name `examples`, as a person who opens the repository's folder sees it.
  const dir = join(root, 'examples');
  cpSync(examplesDir, dir, { recursive: true });
  return { dir, dispose: () => rmSync(root, { recursive: true, force: true, maxRetries: 3 }) };
}
