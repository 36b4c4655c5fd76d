/**
 * The typed model: what a `.pipeline` file means, before the stdlib is merged and defaults applied.
 * Built from the generic syntax tree by shape-*.ts; read by resolve-*.ts and checks/.
 *
 * Invariant: every node carries the Range it was shaped from and the file it came from, so every
 * diagnostic can point at the smallest span (the name, not the block).
 */
import type { Range } from '../diagnostics/types.js';
import type { Expr } from '../grammar/syntax.js';
import type { Unit } from '../ir/schema.js';

/** Where a node came from. `file` is the SourceFile path (`<stdlib>/...` for the library). */
export interface Loc {
  range: Range;
  file: string;
}

/** A value with its location: names, strings, numbers, enumerated words. */
export interface Located<T> extends Loc {
  value: T;
}

/** `problem classification|regression`. */
export type ProblemKind = 'classification' | 'regression';
/** Column types of the data block. */
/** Column types of the data block; `id`, `ignore` and `datetime` are roles of data-file columns (issue 12). */
export type ColumnType = 'int' | 'float' | 'category' | 'bool' | 'id' | 'ignore' | 'datetime' | 'text';
/** Target kinds: binary and category classify, float regresses. */
export type TargetKind = 'binary' | 'category' | 'float';
/** Risk probability and impact levels. */
export type Level = 'low' | 'medium' | 'high';

/** A numeric distribution as written: `uniform(18, 80)`; params checked by checks/check-distribution-params. */
export interface DistributionDecl extends Loc {
  kind: 'uniform' | 'normal' | 'lognormal' | 'beta';
  params: [number, number];
}

/** `employed: 70%` inside a category map. `share` is a percentage (0..100). */
export interface ShareDecl extends Loc {
  value: string;
  share: number;
  shareRange: Range;
}

/** `column income float lognormal(10.8, 0.5) missing 2%`. */
export interface ColumnDecl extends Loc {
  name: Located<string>;
  type: Located<ColumnType>;
  distribution: DistributionDecl | null;
  categories: ShareDecl[] | null;
  clip: (Loc & { low: number; high: number }) | null;
  missing: Located<number> | null;
}

/** How the target is generated (synthetic data) or null (file data, labels come from the file). */
export type TargetGenDecl =
  | (Loc & { kind: 'logistic'; formula: Expr })
  | (Loc & { kind: 'linear'; formula: Expr; noise: DistributionDecl | null })
  | (Loc & { kind: 'categories'; categories: ShareDecl[] });

/** `target default binary logistic(...)`. */
export interface TargetDecl extends Loc {
  name: Located<string>;
  kind: Located<TargetKind>;
  generator: TargetGenDecl | null;
}

/** `data synthetic { ... }` or `data file "x.csv" { ... }`. */
export interface DataDecl extends Loc {
  kind: 'synthetic' | 'file';
  /** file data only: the path as written, and its format (from `format` or the extension). */
  path: Located<string> | null;
  format: Located<'csv' | 'parquet'> | null;
  rows: Located<number> | null;
  seed: Located<number> | null;
  columns: ColumnDecl[];
  target: TargetDecl | null;
}

/** `derive credit_utilization = total_balance / credit_limit`. */
export interface DeriveDecl extends Loc {
  name: Located<string>;
  formula: Expr;
}

/** `features { ... }`. */
export interface FeaturesDecl extends Loc {
  derives: DeriveDecl[];
  encodings: (Loc & { column: Located<string>; method: Located<'onehot' | 'ordinal'> })[];
  scale: Located<'standard' | 'minmax' | 'robust' | 'none'> | null;
  split:
    | (Loc & { testPercent: Located<number>; stratify: Located<boolean> | null; seed: Located<number> | null })
    | null;
}

/** `tune best budget 40 trials [cv 5 folds] [strategy random] [within 10m]`. */
export interface TuneDecl extends Loc {
  target: Located<string>;
  trials: Located<number>;
  folds: Located<number> | null;
  strategy: Located<'halving_random' | 'random'> | null;
  /** `within 10m`: the search's time budget, in seconds. */
  timeSeconds: Located<number> | null;
}

/** `models { baseline a, b [within 2m each]; tune ...; sample 100_000 rows | sample off }`. */
export interface ModelsDecl extends Loc {
  baselines: Located<string>[];
  tune: TuneDecl | null;
  /** `baseline ... within 2m each`: each baseline's CV time cap, in seconds. */
  baselineTimeSeconds: Located<number> | null;
  /** `sample N rows` (selection sample size) or `sample off` (selection on every training row). */
  sample: Located<number | 'off'> | null;
}

/** `produces drift_checks: count` or `fact data.rows count "Rows in the dataset"`. */
export interface FactDecl extends Loc {
  name: Located<string>;
  unit: Located<Unit>;
  description: string;
}

/** `require metric.f1_score >= 0.70 "message"`: the comparison as written (checked against fact units). */
export interface GateRuleDecl extends Loc {
  expr: Expr;
  message: Located<string> | null;
}

/**
 * `compute cluster dask { workers 4 worker_tier large worker_memory 8GB }` (an engine with its workers)
 * or `compute local` (this epoch runs single-machine even when the project declares a cluster).
 */
export interface ComputeDecl extends Loc {
  kind: 'cluster' | 'local';
  engine: Located<string> | null;
  workers: Located<number> | null;
  workerTier: Located<string> | null;
  workerMemory: Located<number> | null;
}

/** `epoch 009 drift_watch { ... }`: a stdlib epoch, a user epoch, or a user override of a stdlib epoch. */
export interface EpochDecl extends Loc {
  /** Three-digit id as written (`005`). */
  id: Located<string>;
  name: Located<string> | null;
  title: Located<string> | null;
  dir: Located<string> | null;
  agent: Located<string> | null;
  /** Experiment name template, `{project}_data`. */
  experiment: Located<string> | null;
  after: Located<string>[];
  tier: Located<string> | null;
  estimate: (Loc & { minutes: number; memoryGb: number }) | null;
  deliverables: Located<string>[];
  produces: FactDecl[];
  /** `metric_facts "..."`: this epoch produces `metric.<m>` for each standard metric of the problem. */
  metricFacts: Located<string> | null;
  gate: GateRuleDecl[];
  timeoutSeconds: Located<number> | null;
  retries: Located<number> | null;
  compute: ComputeDecl | null;
}

/** `tier small "Small"` (a display name) or `tier small id "small-k8s"` (a hardware tier id). */
export interface TierDecl extends Loc {
  name: Located<string>;
  hardware: Located<string>;
  /** True when written with `id`: the value goes to DominoJobConfig.HardwareTierId as is. */
  byId: boolean;
}

/** `domino { environment "..." tier ... volume 10GB git_ref "main" }`. */
export interface DominoDecl extends Loc {
  environment: Located<string> | null;
  /** True for `environment id "..."` (an environment id), false for `environment "Name"`. */
  environmentById: boolean;
  tiers: TierDecl[];
  volumeGiB: Located<number> | null;
  gitRef: Located<string> | null;
}

/** `limits { ... }`: values normalised (bytes, seconds, percent). Absent fields come from the library. */
export interface LimitsDecl extends Loc {
  maxFileSize: Located<number> | null;
  maxMemory: Located<number> | null;
  chunkRows: Located<number> | null;
  checkpointPercent: Located<number> | null;
  checkpointSeconds: Located<number> | null;
}

/** `deploy { api "/predict" latency_p95 < 100ms; app streamlit "..."; promote production after review }`. */
export interface DeployDecl extends Loc {
  api: (Loc & { path: Located<string>; latency: Located<number> | null; latencyUnitOk: boolean }) | null;
  app: (Loc & { kind: Located<'streamlit'>; title: Located<string> }) | null;
  promote: (Loc & { alias: Located<string>; afterReview: boolean }) | null;
}

/** `review after 003 "Data quality assessment"`. */
export interface ReviewDecl extends Loc {
  after: Located<string>;
  title: Located<string>;
}

/** `risk "..." { probability high  impact medium  mitigation "..." }`. */
export interface RiskDecl extends Loc {
  title: Located<string>;
  probability: Located<Level> | null;
  impact: Located<Level> | null;
  mitigation: Located<string> | null;
}

/** `use lifecycle.domino_standard`. */
export interface UseDecl extends Loc {
  name: Located<string>;
}

/** `project credit_risk { ... }`: the user's spec. */
export interface ProjectDecl extends Loc {
  name: Located<string>;
  title: Located<string> | null;
  objective: Located<string> | null;
  problem: Located<ProblemKind> | null;
  target: Located<string> | null;
  metric: Located<string> | null;
  uses: UseDecl[];
  domino: DominoDecl | null;
  limits: LimitsDecl | null;
  data: DataDecl | null;
  features: FeaturesDecl | null;
  models: ModelsDecl | null;
  epochs: EpochDecl[];
  deploy: DeployDecl | null;
  reviews: ReviewDecl[];
  risks: RiskDecl[];
  /** Project-wide compute: every epoch that can run on a cluster does, unless it says `compute local`. */
  compute: ComputeDecl | null;
}

/** `lifecycle domino_standard { ... }`: a library of epochs, facts, tiers, limits and reviews. */
export interface LifecycleDecl extends Loc {
  name: Located<string>;
  tiers: TierDecl[];
  limits: LimitsDecl | null;
  epochs: EpochDecl[];
  reviews: ReviewDecl[];
}
