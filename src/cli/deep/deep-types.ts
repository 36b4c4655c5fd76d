/**
 * `pipec check --deep`: the request sent to the runtime's deep check (runtime/python/pipec_runtime/
 * deep_check.py) and the result it prints. The result is a public part of `pipec check --format json`.
 */

/** What the runtime is asked to measure. */
export interface DeepRequest {
  /** Absolute path of the data file. */
  path: string;
  format: 'csv' | 'parquet';
  target: string;
  problem: 'classification' | 'regression';
  /** The primary metric: picks the best baseline. */
  primary: string;
  seed: number;
  /** At most this many rows are fitted (a random sample of the file). */
  sample_rows: number;
  folds: number;
  test_percent: number;
}

/** One metric: the best baseline's cross-validated mean, and the interval for one test split. */
export interface DeepMetric {
  expected: number;
  low: number;
  high: number;
}

/** What the runtime printed. */
export interface DeepResult {
  rows: number;
  sampled_rows: number;
  folds: number;
  test_rows: number;
  features: number;
  seconds: number;
  best_model: string;
  metrics: Record<string, DeepMetric>;
  /** Every baseline's mean per metric. */
  models: Record<string, Record<string, number>>;
}

/** A gate rule judged against the deep result. */
export interface DeepGate {
  rule: string;
  fact: string;
  op: string;
  value: number;
  expected: number;
  low: number;
  high: number;
  /** `likely`: the whole interval passes; `unlikely`: none of it does; `uncertain`: in between. */
  verdict: 'likely' | 'uncertain' | 'unlikely';
}

/** The deep check of one spec, as `pipec check --deep` reports it. */
export interface DeepReport {
  /** Whether the result came from the cache (same data fingerprint and spec sections). */
  cached: boolean;
  result: DeepResult;
  gates: DeepGate[];
}
