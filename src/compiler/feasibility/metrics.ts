/**
 * The standard metrics computed for the oracle, the way the generated project computes them
 * (sklearn's definitions: binary metrics score class 1, multiclass averages are support-weighted),
 * for the whole simulation and for each of its batches (whose spread gives the sampling error).
 * One pass over the rows fills per-batch sums and probability histograms; no sorting: the oracle runs
 * in every `pipec check`, in cold code, where a pass over 20,000 rows must stay cheap.
 */
import type { Simulation } from './simulate.js';

/** Metric name → value. */
export type MetricValues = Record<string, number>;

const EPS = 1e-15;
/** Probability histogram resolution: AUC and the best F1 threshold are read from 4,096 bins. */
const BINS = 4096;

/** AUC from per-bin counts of positives and negatives (rows in one bin count as ties). */
function aucOfBins(pos: Float64Array, neg: Float64Array, at: number): number {
  let negBelow = 0;
  let wins = 0;
  let np = 0;
  let nn = 0;
  for (let k = 0; k < BINS; k++) {
    const p = pos[at + k] as number;
    const q = neg[at + k] as number;
    wins += p * (negBelow + q / 2);
    negBelow += q;
    np += p;
    nn += q;
  }
  return np === 0 || nn === 0 ? Number.NaN : wins / (np * nn);
}

/** F1 at the best threshold (a bin edge), with the precision and recall there. */
function bestF1OfBins(pos: Float64Array, neg: Float64Array, at: number): { f1: number; precision: number; recall: number } {
  let positives = 0;
  for (let k = 0; k < BINS; k++) positives += pos[at + k] as number;
  let tp = 0; let fp = 0; let best = 0; let bestTp = 0; let bestFp = 0;
  for (let k = BINS - 1; k >= 0; k--) {
    tp += pos[at + k] as number;
    fp += neg[at + k] as number;
    const f1 = (2 * tp) / (tp + fp + positives);
    if (f1 > best) { best = f1; bestTp = tp; bestFp = fp; }
  }
  return { f1: best, precision: bestTp + bestFp ? bestTp / (bestTp + bestFp) : 0, recall: positives ? bestTp / positives : 0 };
}

/** Area under the ROC curve of exact scores (ties count half), for tests and small samples. */
export function rocAuc(y: ArrayLike<number>, score: ArrayLike<number>, from: number, to: number): number {
  let wins = 0; let np = 0; let nn = 0;
  for (let i = from; i < to; i++) {
    if (y[i] !== 1) continue;
    np++;
    for (let j = from; j < to; j++) {
      if (y[j] === 1) continue;
      wins += (score[i] as number) > (score[j] as number) ? 1 : score[i] === score[j] ? 0.5 : 0;
    }
  }
  nn = to - from - np;
  return np === 0 || nn === 0 ? Number.NaN : wins / (np * nn);
}

/** Row i's batch among `batches` equal parts of n rows; the last part takes the remainder. */
const batchOf = (i: number, size: number, batches: number): number => Math.min(batches - 1, Math.floor(i / size));

function binaryMetrics(sim: Simulation, batches: number): MetricValues[] {
  const { y, truth: p, rows: n } = sim;
  const size = Math.floor(n / batches);
  const pos = new Float64Array(batches * BINS);
  const neg = new Float64Array(batches * BINS);
  const correct = new Float64Array(batches);
  const loss = new Float64Array(batches);
  const count = new Float64Array(batches);
  for (let i = 0; i < n; i++) {
    const b = batchOf(i, size, batches);
    const pi = p[i] as number;
    const k = b * BINS + Math.min(BINS - 1, Math.floor(pi * BINS));
    const clipped = pi < EPS ? EPS : pi > 1 - EPS ? 1 - EPS : pi;
    count[b] = (count[b] as number) + 1;
    if (y[i] === 1) {
      pos[k] = (pos[k] as number) + 1;
      loss[b] = (loss[b] as number) - Math.log(clipped);
      if (pi >= 0.5) correct[b] = (correct[b] as number) + 1;
    } else {
      neg[k] = (neg[k] as number) + 1;
      loss[b] = (loss[b] as number) - Math.log(1 - clipped);
      if (pi < 0.5) correct[b] = (correct[b] as number) + 1;
    }
  }
  const one = (at: number, c: number, l: number, m: number): MetricValues => {
    const f = bestF1OfBins(pos, neg, at);
    return { accuracy: c / m, precision: f.precision, recall: f.recall, f1_score: f.f1, roc_auc: aucOfBins(pos, neg, at), log_loss: l / m };
  };
  const out = Array.from({ length: batches }, (_, b) => one(b * BINS, correct[b] as number, loss[b] as number, count[b] as number));
  // The whole sample: the batches' histograms and sums added up (stored in batch slot 0's place afterwards).
  const allPos = new Float64Array(BINS);
  const allNeg = new Float64Array(BINS);
  for (let b = 0; b < batches; b++) {
    for (let k = 0; k < BINS; k++) {
      allPos[k] = (allPos[k] as number) + (pos[b * BINS + k] as number);
      allNeg[k] = (allNeg[k] as number) + (neg[b * BINS + k] as number);
    }
  }
  const sum = (a: Float64Array): number => a.reduce((s, v) => s + v, 0);
  const f = bestF1OfBins(allPos, allNeg, 0);
  return [{ accuracy: sum(correct) / n, precision: f.precision, recall: f.recall, f1_score: f.f1, roc_auc: aucOfBins(allPos, allNeg, 0), log_loss: sum(loss) / n }, ...out];
}

/** Targets independent of the features: the best model predicts the declared shares, the majority class. */
function categoryMetrics(sim: Simulation, batches: number): MetricValues[] {
  const shares = sim.classShares ?? [];
  const major = shares.indexOf(Math.max(...shares));
  const size = Math.floor(sim.rows / batches);
  const hits = new Float64Array(batches + 1);
  const loss = new Float64Array(batches + 1);
  const count = new Float64Array(batches + 1);
  for (let i = 0; i < sim.rows; i++) {
    const cls = sim.y[i] as number;
    for (const b of [0, 1 + batchOf(i, size, batches)]) {
      count[b] = (count[b] as number) + 1;
      hits[b] = (hits[b] as number) + (cls === major ? 1 : 0);
      loss[b] = (loss[b] as number) - Math.log(Math.max(EPS, shares[cls] ?? 0));
    }
  }
  // Weighted averages: only the majority class is ever predicted, with precision = its share.
  return Array.from({ length: batches + 1 }, (_, b) => {
    const acc = (hits[b] as number) / (count[b] as number);
    return { accuracy: acc, precision: acc * acc, recall: acc, f1_score: acc * ((2 * acc) / (acc + 1)), roc_auc: 0.5, log_loss: (loss[b] as number) / (count[b] as number) };
  });
}

function regressionMetrics(sim: Simulation, batches: number): MetricValues[] {
  const { y, truth } = sim;
  const size = Math.floor(sim.rows / batches);
  // Per slot (0 = all rows, 1.. = batches): n, Σy, Σy², Σe², Σ|e|, Σ|e|/|y|.
  const acc = new Float64Array((batches + 1) * 6);
  for (let i = 0; i < sim.rows; i++) {
    const yi = y[i] as number;
    const e = yi - (truth[i] as number);
    const ae = Math.abs(e);
    const ape = ae / Math.max(Math.abs(yi), 2.220446049250313e-16);
    for (const b of [0, 1 + batchOf(i, size, batches)]) {
      const at = b * 6;
      acc[at] = (acc[at] as number) + 1;
      acc[at + 1] = (acc[at + 1] as number) + yi;
      acc[at + 2] = (acc[at + 2] as number) + yi * yi;
      acc[at + 3] = (acc[at + 3] as number) + e * e;
      acc[at + 4] = (acc[at + 4] as number) + ae;
      acc[at + 5] = (acc[at + 5] as number) + ape;
    }
  }
  return Array.from({ length: batches + 1 }, (_, b) => {
    const [n, sy, syy, sse, sae, sape] = Array.from(acc.subarray(b * 6, b * 6 + 6)) as [number, number, number, number, number, number];
    const sst = syy - (sy * sy) / n;
    return { mse: sse / n, rmse: Math.sqrt(sse / n), mae: sae / n, r2_score: 1 - sse / sst, mape: sape / n };
  });
}

/**
 * Every standard metric of the oracle (the generating formula itself): element 0 over all rows, then
 * one element per batch of rows.
 */
export function oracleMetrics(sim: Simulation, kind: 'binary' | 'category' | 'float', batches: number): MetricValues[] {
  if (kind === 'binary') return binaryMetrics(sim, batches);
  if (kind === 'category') return categoryMetrics(sim, batches);
  return regressionMetrics(sim, batches);
}
