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

/**
 * How epoch 005's final fit on a cluster plans its rows (the generated dask_training.fit_plan) and how
 * `pipec check` estimates the same plan before anything runs (PC6403). A worker's predicted peak is what
 * it holds before the fit, plus `allowanceBytes`, plus its share of the training matrix (`shareImbalance`
 * over an even share) times 1 + the framework's `distributedFitMemory`; a fit whose peak would pass
 * `targetShare` of the worker's limit trains on the largest seeded sample that stays under it.
 */
export const CLUSTER_FIT = {
  /**
   * The part of a worker's memory limit a planned fit's predicted peak may reach. The peak is reached only
   * while the fit runs (a worker the nanny pauses at 80% keeps running it); the kill is at 95%, and the
   * prediction was 8% over the measured peak at 16M rows (768 vs 706 MiB). 0.75 stopped the acceptance
   * test's 640 MB workers, which held 419 MiB before a fit of a few MiB.
   */
  targetShare: 0.85,
  /** Dask's nanny pauses a worker at this share of its limit (distributed.worker.memory.pause): a worker that holds this much before the fit would never start its part of it, so the plan stops instead. */
  pauseShare: 0.8,
  /** What a worker may still grow by before the fit touches data (importing the trainer, opening its network). */
  allowanceBytes: 64 * 1024 ** 2,
  /** Dask places persisted partitions unevenly: the fullest worker's share over an even share (measured 1.03 at 16M rows on 4 workers). */
  shareImbalance: 1.1,
  /**
   * A worker's memory before the fit, for the compile-time estimate only (the runtime reads the real
   * figure): 366–384 MiB measured in epoch 005 at 20M rows on 1GB workers, after its reads and samples
   * (a worker that only read a sample holds 212–240 MiB, bench/refit_memory.py).
   */
  workerBaseBytes: 384 * 1024 ** 2,
  /** Bytes per feature value in the fit's matrix (float32). */
  featureBytes: 4,
  /** Bytes of a row's target in the fit's matrix (int64 class codes, or float64). */
  targetBytes: 8,
} as const;

/**
 * What a local run budgets for the epoch process itself beside its LocalCluster's workers (children of the
 * epoch, counted with it against `max_memory`): Python, pandas, pyarrow, the Dask client and the seeded
 * samples it fetches for figures and fitting (at most 128 MB: the runtime's SAMPLE_BYTES).
 */
export const LOCAL_EPOCH_PROCESS_BYTES = 512 * 1024 ** 2;
