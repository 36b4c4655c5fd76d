/** Limit defaults and ceilings of the language (checks and lowering both read them). */

/** Cross-validation folds when `tune ... cv` is not given. */
export const DEFAULT_CV_FOLDS = 5;

/** Platform ceilings of a standard Domino workspace (seed: 50MB files, 12GB RAM); also the limit defaults. */
export const PLATFORM = {
  maxFileSizeBytes: 50 * 1024 ** 2,
  maxMemoryBytes: 12 * 1024 ** 3,
  chunkRowsMin: 100,
  chunkRowsMax: 1_000_000,
  /** Fits above this (trials × folds × baselines) take hours on a standard tier. */
  maxFits: 500,
} as const;

/** Limits a spec (or its library) leaves unset; file size and memory default to the PLATFORM ceilings. */
export const LIMIT_DEFAULTS = {
  chunkRows: 10_000,
  checkpointEveryPercent: 10,
  checkpointEverySeconds: 300,
} as const;
