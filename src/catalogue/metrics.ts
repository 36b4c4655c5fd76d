/**
 * The standard metrics: which problem kind records each one, its range, which direction is better,
 * whether it depends on a decision threshold, and the scikit-learn scorer that optimises it (binary and
 * multiclass names where they differ). Checks, lowering, the LSP and the generated Python
 * (`config.CATALOGUE["metrics"]`) all read this table.
 */
import type { ProblemKind } from './models.js';

/** One metric of the catalogue. */
export interface MetricInfo {
  readonly problem: ProblemKind;
  /** The values the metric can take; null bound: unbounded on that side. */
  readonly range: readonly [number | null, number | null];
  /** `higher`: larger is better (accuracy); `lower`: smaller is better (rmse, log_loss). */
  readonly better: 'higher' | 'lower';
  /** Computed from hard predictions at a decision threshold (not from scores/probabilities). */
  readonly thresholdDependent: boolean;
  /**
   * When this is the primary metric of a binary project, epoch 005 serves the F1-optimal decision
   * threshold chosen on out-of-fold predictions (nested inside each CV fold when scoring). Precision or
   * recall alone would be maximised by a degenerate threshold (1 or 0), so they share F1's; accuracy is
   * served at the probability threshold 0.5, its Bayes-optimal point for calibrated scores.
   */
  readonly f1Threshold: boolean;
  /** scikit-learn scorer names: [binary or regression, multiclass]. */
  readonly scorer: readonly [string, string];
}

/** Every standard metric, in the seed's canonical order within each problem kind. */
export const METRICS = {
  accuracy: { problem: 'classification', range: [0, 1], better: 'higher', thresholdDependent: true, f1Threshold: false, scorer: ['accuracy', 'accuracy'] },
  precision: { problem: 'classification', range: [0, 1], better: 'higher', thresholdDependent: true, f1Threshold: true, scorer: ['precision', 'precision_weighted'] },
  recall: { problem: 'classification', range: [0, 1], better: 'higher', thresholdDependent: true, f1Threshold: true, scorer: ['recall', 'recall_weighted'] },
  f1_score: { problem: 'classification', range: [0, 1], better: 'higher', thresholdDependent: true, f1Threshold: true, scorer: ['f1', 'f1_weighted'] },
  roc_auc: { problem: 'classification', range: [0, 1], better: 'higher', thresholdDependent: false, f1Threshold: false, scorer: ['roc_auc', 'roc_auc_ovr_weighted'] },
  log_loss: { problem: 'classification', range: [0, null], better: 'lower', thresholdDependent: false, f1Threshold: false, scorer: ['neg_log_loss', 'neg_log_loss'] },
  mse: { problem: 'regression', range: [0, null], better: 'lower', thresholdDependent: false, f1Threshold: false, scorer: ['neg_mean_squared_error', 'neg_mean_squared_error'] },
  rmse: { problem: 'regression', range: [0, null], better: 'lower', thresholdDependent: false, f1Threshold: false, scorer: ['neg_root_mean_squared_error', 'neg_root_mean_squared_error'] },
  mae: { problem: 'regression', range: [0, null], better: 'lower', thresholdDependent: false, f1Threshold: false, scorer: ['neg_mean_absolute_error', 'neg_mean_absolute_error'] },
  r2_score: { problem: 'regression', range: [null, 1], better: 'higher', thresholdDependent: false, f1Threshold: false, scorer: ['r2', 'r2'] },
  mape: { problem: 'regression', range: [0, null], better: 'lower', thresholdDependent: false, f1Threshold: false, scorer: ['neg_mean_absolute_percentage_error', 'neg_mean_absolute_percentage_error'] },
} as const satisfies Record<string, MetricInfo>;

/** A metric name. */
export type MetricName = keyof typeof METRICS;

const names = Object.keys(METRICS) as MetricName[];

/** Whether `name` is a standard metric. */
export const isMetricName = (name: string): name is MetricName => Object.hasOwn(METRICS, name);

/** Standard metrics of each problem kind, in canonical order. */
export const STANDARD_METRICS: Record<ProblemKind, readonly string[]> = {
  classification: names.filter((m) => METRICS[m].problem === 'classification'),
  regression: names.filter((m) => METRICS[m].problem === 'regression'),
};

/** The metric used when a spec names none. */
export const DEFAULT_METRIC: Record<ProblemKind, MetricName> = { classification: 'f1_score', regression: 'rmse' };
