/**
 * Distributed compute: the engines a `compute cluster ENGINE { ... }` statement may name, the hardware
 * facts of the logical tiers a cluster's workers run on, and which lifecycle epochs have generated code
 * for a cluster. Checks, lowering, the flow target, the LSP and docs all read these facts from here.
 */

/** Engines with generated code. Domino also starts Spark and Ray clusters; pipec generates Dask code only. */
export const COMPUTE_ENGINES = ['dask'] as const;
/** A compute engine name. */
export type ComputeEngine = (typeof COMPUTE_ENGINES)[number];

/** Hardware facts of a logical tier (what one worker of that tier may use). */
export interface TierFacts {
  readonly cores: number;
  /** Memory of one machine of the tier, bytes: a worker's `worker_memory` must fit in it. */
  readonly memoryBytes: number;
}

/**
 * The logical tiers of `lifecycle.domino_standard` (small, medium, large), sized like Domino's default
 * hardware tiers. A tier a spec adds in its `domino` block has no known size: its memory is not checked.
 */
export const TIER_FACTS: Readonly<Record<string, TierFacts>> = {
  small: { cores: 2, memoryBytes: 8 * 1024 ** 3 },
  medium: { cores: 4, memoryBytes: 16 * 1024 ** 3 },
  large: { cores: 8, memoryBytes: 32 * 1024 ** 3 },
};

/** Lifecycle epochs with generated Dask code: wrangling, EDA, features, model development, testing. */
export const CLUSTER_EPOCHS = ['002', '003', '004', '005', '006'] as const;

/** Cluster defaults and bounds (`compute cluster dask { }` with nothing set). */
export const CLUSTER_DEFAULTS = {
  workers: 2,
  workerTier: 'small',
  /** Leave room on the machine for the worker process itself and the OS: 80% of the tier's memory. */
  workerMemoryShare: 0.8,
  minWorkers: 1,
  /** Domino's on-demand clusters allow up to this many workers per cluster by default. */
  maxWorkers: 64,
  /** Below this a Dask worker cannot hold its own process and one partition. */
  minWorkerMemoryBytes: 256 * 1024 ** 2,
} as const;
