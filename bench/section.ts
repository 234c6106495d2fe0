/**
 * The contract of a benchmark section. A section is one file under bench/ whose default export
 * is a BenchSection; scripts/bench.mjs bundles it, runs it, prints its tables and targets and
 * saves its data. Adding a section: write the file, add one line to SECTIONS in scripts/bench.mjs.
 */

export interface BenchContext {
  /** Absolute path of the repository. */
  readonly repoRoot: string;
  /** The built CLI (`dist/cli.js`), fresh: the runner builds before any section runs. */
  readonly cliPath: string;
  /** A scratch folder for generated inputs, emptied at each run. */
  readonly workDir: string;
  /** Progress lines, so a long section shows it is alive. */
  log(line: string): void;
}

export interface BenchTable {
  readonly title?: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
}

export type TargetUnit = 'ms' | 'MB' | 'x';

/** A figure with its ceiling: PASS when measured <= limit. */
export interface BenchTarget {
  readonly name: string;
  readonly limit: number;
  readonly unit: TargetUnit;
  readonly measured: number;
  /** Printed after the verdict, e.g. the CPU-time figure beside a wall-clock one. */
  readonly note?: string;
}

export interface SectionResult {
  readonly title: string;
  readonly tables: readonly BenchTable[];
  readonly targets: readonly BenchTarget[];
  /** Lines printed under the tables: what was measured and how. */
  readonly notes: readonly string[];
  /** Everything measured, saved as JSON under bench-results/. */
  readonly data: unknown;
}

export type BenchSection = (ctx: BenchContext) => Promise<SectionResult>;
