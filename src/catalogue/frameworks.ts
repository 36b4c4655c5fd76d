/**
 * Model frameworks: the pip package each one installs, the module Python imports to tell whether it is
 * there, and its pin. Optional frameworks (heavy, GPU-oriented) are not pinned into generated
 * requirements: a model of theirs is skipped with a reason when the module is missing.
 */

/** One framework of the catalogue. */
export interface FrameworkInfo {
  /** The PyPI distribution name. */
  readonly pip: string;
  /** The exact version generated requirements pin; null for optional frameworks (not installed by pipec). */
  readonly version: string | null;
  /** The importable module whose presence decides whether the framework's models can train. */
  readonly module: string;
  /** Skipped with a logged reason when not installed, instead of failing the epoch. */
  readonly optional: boolean;
  /**
   * The module whose estimators train on a Dask cluster (`xgboost.dask`), or absent: such a framework's
   * models train on a seeded sample of the training partitions when their epoch runs on a cluster (PC4401).
   */
  readonly distributed?: string;
  /**
   * With `distributed`: the distributed fit's peak memory on a worker above what the worker held before
   * it, per byte of its share of the training matrix (float32 features + target). Measured with
   * bench/refit_memory.py (16M rows, 9 features, 4 workers: lightgbm.dask 2.78, xgboost.dask 1.87) and
   * rounded up; the generated final fit plans its rows with it so no worker goes over its limit.
   */
  readonly distributedFitMemory?: number;
}

/** Every framework a model may belong to (the IR's `framework` enum is its keys). */
export const FRAMEWORKS = {
  sklearn: { pip: 'scikit-learn', version: '1.9.1', module: 'sklearn', optional: false },
  xgboost: { pip: 'xgboost', version: '3.2.0', module: 'xgboost', optional: false, distributed: 'xgboost.dask', distributedFitMemory: 2.0 },
  lightgbm: { pip: 'lightgbm', version: '4.7.0', module: 'lightgbm', optional: false, distributed: 'lightgbm.dask', distributedFitMemory: 3.0 },
  pytorch: { pip: 'torch', version: null, module: 'torch', optional: true },
  tensorflow: { pip: 'tensorflow', version: null, module: 'tensorflow', optional: true },
  statsmodels: { pip: 'statsmodels', version: '0.15.0', module: 'statsmodels', optional: false },
} as const satisfies Record<string, FrameworkInfo>;

/** A framework name. */
export type Framework = keyof typeof FRAMEWORKS;

/** Framework names in catalogue order (a non-empty tuple, as zod's enum wants). */
export const FRAMEWORK_NAMES = Object.keys(FRAMEWORKS) as [Framework, ...Framework[]];

/** The pip packages of the required (non-optional) frameworks, in catalogue order. */
export const REQUIRED_FRAMEWORK_PACKAGES: readonly string[] = [
  ...new Set(Object.values(FRAMEWORKS).filter((f) => !f.optional).map((f) => f.pip)),
];

/** `package → version` of the pinned frameworks (emit/pins.ts merges them into its table). */
export const FRAMEWORK_PINS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.values(FRAMEWORKS).flatMap((f) => (f.version === null ? [] : [[f.pip, f.version]])),
);

/** Whether models of `framework` train distributed on a Dask cluster (the catalogue's `distributed`). */
export function trainsDistributed(framework: Framework): boolean {
  return (FRAMEWORKS[framework] as FrameworkInfo).distributed !== undefined;
}
