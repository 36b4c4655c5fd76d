/**
 * Epoch 005's final fit on a Dask cluster, estimated before anything runs: the same plan the generated
 * dask_training.fit_plan makes at run time (catalogue CLUSTER_FIT and the frameworks' measured
 * `distributedFitMemory`), with a worker's memory before the fit taken as CLUSTER_FIT.workerBaseBytes
 * instead of the live reading. The worst case of the spec's distributed baselines counts: selection has
 * not chosen yet.
 */
import { CLUSTER_FIT, FRAMEWORKS, type FrameworkInfo } from '../../catalogue/index.js';
import type { Ir } from '../../ir/schema.js';
import { testRowsOf } from './assess.js';
import { featureWidth } from './resources.js';

/** What the final fit on the cluster will need, and how many training rows it will take. */
export interface ClusterFitEstimate {
  /** The distributed baseline whose fit needs the most memory (selection may pick a leaner one). */
  readonly model: string;
  readonly trainRows: number;
  readonly workers: number;
  readonly workerMemoryBytes: number;
  /** Predicted peak of the fullest worker when every training row trains. */
  readonly needBytes: number;
  /** Training rows the fit will take (all of them, or the seeded sample that fits). */
  readonly fitRows: number;
  /** The worker_memory under which every training row fits. */
  readonly everyRowNeedsBytes: number;
}

/** The estimate for a synthetic spec whose 005 runs on a cluster (null otherwise, or without a distributed baseline). */
export function estimateClusterFit(ir: Ir, keptRows: number | null): ClusterFitEstimate | null {
  const compute = ir.epochs.find((e) => e.id === '005')?.compute;
  if (!compute || keptRows === null) return null;
  const fits = ir.models.baselines
    .map((m) => ({ model: m.id, factor: (FRAMEWORKS[m.framework] as FrameworkInfo).distributedFitMemory }))
    .filter((m): m is { model: typeof m.model; factor: number } => m.factor !== undefined);
  if (fits.length === 0) return null;
  const worst = fits.reduce((a, b) => (b.factor > a.factor ? b : a));
  const trainRows = keptRows - testRowsOf(keptRows, ir.features.split.testPercent);
  const rowBytes = featureWidth(ir) * CLUSTER_FIT.featureBytes + CLUSTER_FIT.targetBytes;
  const perRow = (rowBytes / compute.workers) * CLUSTER_FIT.shareImbalance * (1 + worst.factor);
  const held = CLUSTER_FIT.workerBaseBytes + CLUSTER_FIT.allowanceBytes;
  const needBytes = held + trainRows * perRow;
  const cap = CLUSTER_FIT.targetShare * compute.workerMemoryBytes;
  const paused = CLUSTER_FIT.workerBaseBytes >= CLUSTER_FIT.pauseShare * compute.workerMemoryBytes;
  const fitRows = paused ? 0 : needBytes <= cap ? trainRows : Math.max(0, Math.min(trainRows, Math.floor((cap - held) / perRow)));
  return { model: worst.model, trainRows, workers: compute.workers, workerMemoryBytes: compute.workerMemoryBytes,
    needBytes: Math.round(needBytes), fitRows, everyRowNeedsBytes: Math.round(needBytes / CLUSTER_FIT.targetShare) };
}
