/**
 * The oracle bound: simulate the spec's generating process and score the true model — the target
 * formula itself — with every standard metric. No model can beat it in expectation (the Bayes limit);
 * its spread over batches gives the sampling error of a metric measured on the test split's rows.
 */
import { isMetricName, METRICS, type MetricName } from '../../catalogue/index.js';
import type { Data } from '../../ir/schema.js';
import type { OracleMetric } from '../../ir/feasibility-schema.js';
import { oracleMetrics, type MetricValues } from './metrics.js';
import type { OracleCache } from '../stdlib-loader.js';
import { simulateData } from './simulate.js';

/** Rows simulated: a 0.01-wide interval on AUC-like metrics, cheap enough (cold code) for every `pipec check`. */
export const ORACLE_ROWS = 20_000;
const BATCHES = 10;

type SyntheticData = Extract<Data, { kind: 'synthetic' }>;

/**
 * Metrics for which the oracle is a proven limit (which metrics is a fact of the oracle; their direction,
 * higher or lower is better, is the catalogue's).
 */
const PROVEN: Record<'binary' | 'category' | 'float', readonly MetricName[]> = {
  // Precision and recall alone can each reach 1 with an extreme threshold: the oracle only estimates them.
  binary: ['accuracy', 'f1_score', 'roc_auc', 'log_loss'],
  // A feature-blind target: F1 of a guess can beat predicting the majority, so only these are limits.
  category: ['accuracy', 'roc_auc', 'log_loss'],
  // The conditional mean minimises squared error; MAE too for symmetric noise; MAPE has another optimum.
  float: ['mse', 'rmse', 'mae', 'r2_score'],
};

/** `upper` (no model scores higher) or `lower` for a proven limit, in the metric's better direction; else `estimate`. */
export function boundOf(kind: keyof typeof PROVEN, metric: string): OracleMetric['bound'] {
  if (!isMetricName(metric) || !PROVEN[kind].includes(metric)) return 'estimate';
  return METRICS[metric].better === 'higher' ? 'upper' : 'lower';
}

/** Four significant digits: the IR must not depend on the last bits of Math.exp. */
export function round4(x: number): number {
  return Number(x.toPrecision(4));
}

/** Bump when the simulation or the metrics change, so cached answers of an older oracle are never used. */
const ORACLE_VERSION = 1;

/** computeOracle through `cache` (keyed by everything the answer depends on), when one is given. */
export function cachedOracle(data: SyntheticData, metrics: readonly string[], testRows: number, cache?: OracleCache): OracleMetric[] {
  if (!cache) return computeOracle(data, metrics, testRows);
  const key = JSON.stringify({ v: ORACLE_VERSION, rows: ORACLE_ROWS, data: { ...data, rows: 0 }, metrics, testRows });
  const hit = cache.get(key);
  if (hit) return hit;
  const value = computeOracle(data, metrics, testRows);
  cache.set(key, value);
  return value;
}

/** The oracle's value of each standard metric (in `metrics` order), with the 95% half-width on `testRows` rows. */
export function computeOracle(data: SyntheticData, metrics: readonly string[], testRows: number): OracleMetric[] {
  const kind = data.target.kind;
  const sim = simulateData(data, ORACLE_ROWS);
  const [all, ...batches] = oracleMetrics(sim, kind, BATCHES) as [MetricValues, ...MetricValues[]];
  const size = Math.floor(ORACLE_ROWS / BATCHES);
  const out: OracleMetric[] = [];
  for (const metric of metrics) {
    const value = all[metric];
    if (value === undefined || !Number.isFinite(value)) continue;
    const vals = batches.map((b) => b[metric] as number).filter(Number.isFinite);
    const mean = vals.reduce((s, v) => s + v, 0) / Math.max(vals.length, 1);
    const sd = Math.sqrt(vals.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(vals.length - 1, 1));
    // The spread of one test split of `testRows` rows, plus the (small) error of the estimate itself.
    const seTest = sd * Math.sqrt(size / Math.max(testRows, 1));
    const seEstimate = sd * Math.sqrt(size / ORACLE_ROWS);
    const halfWidth = 1.96 * Math.sqrt(seTest ** 2 + seEstimate ** 2);
    out.push({ metric, value: round4(value), halfWidth: round4(halfWidth), bound: boundOf(kind, metric) });
  }
  return out;
}
