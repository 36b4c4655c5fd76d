// Rule: when model development runs on a cluster, say which baselines cannot train distributed, and which
// rows decide the model (a seeded sample, or every training row on the cluster).
import { BUDGETS, defaultBaselines, isModelId, MODELS, trainsDistributed } from '../../catalogue/index.js';
import type { Check } from '../check-context.js';
import { computeOf } from '../compute-of.js';
import type { ResolvedSpec } from '../resolve-model.js';

/** The lifecycle epoch that trains the models. */
const MODEL_EPOCH = '005';
/** The split's test share when the spec writes none (lower-data.ts). */
const DEFAULT_TEST_PERCENT = 20;
/** Share of the training partitions that scores the candidates when selection runs on the cluster. */
const VALIDATION_PERCENT = 20;

/** Training rows of a synthetic spec (rows less the test split), or null when only the data file knows. */
function trainingRows(spec: ResolvedSpec): number | null {
  const rows = spec.project.data?.kind === 'synthetic' ? spec.project.data.rows?.value : undefined;
  if (rows === undefined) return null;
  return Math.floor(rows * (1 - (spec.project.features?.split?.testPercent.value ?? DEFAULT_TEST_PERCENT) / 100));
}

const fmt = (n: number): string => n.toLocaleString('en-US');
/** A row count as the spec writes it: `50_000`. */
const spelled = (n: number): string => fmt(n).replaceAll(',', '_');

/** The selection path a cluster epoch 005 takes for `sample` (a row count or 'off'), as one sentence. */
export function clusterSelectionPath(sample: number | 'off', train: number | null): string {
  const all = `selects over every training row on the cluster: each baseline and tuning candidate trains with xgboost.dask / lightgbm.dask on the training partitions and is scored on a seeded ${VALIDATION_PERCENT}% validation split of them (never test rows); the final model is refitted on every training row`;
  if (sample === 'off') return `with \`sample off\`, epoch 005 ${all}`;
  if (train !== null && train <= sample) return `with ${fmt(train)} training rows (at most \`sample ${spelled(sample)} rows\`), epoch 005 ${all}`;
  const rows = train === null ? 'when the training rows exceed it' : `(${fmt(train)} training rows)`;
  return `with \`sample ${spelled(sample)} rows\` ${rows}, epoch 005 selects by cross-validation on a seeded sample of ${fmt(sample)} training rows, then refits the chosen model on every training row with xgboost.dask / lightgbm.dask`;
}

/**
 * PC4401 (warning): a baseline of a framework without a distributed trainer trains on a seeded sample.
 * PC4450 (info, on a written `sample` statement): which rows decide the model on the cluster.
 */
export const checkComputeModels: Check = {
  name: 'compute-models',
  run({ spec, rep }) {
    const epoch = spec.epochs.find((e) => e.id === MODEL_EPOCH && !e.custom);
    const compute = epoch ? computeOf(spec, epoch) : null;
    if (!compute || compute.kind !== 'cluster') return;
    const written = spec.project.models?.baselines ?? [];
    const baselines = written.length > 0
      ? written.map((b) => ({ id: b.value, at: b }))
      : defaultBaselines(spec.problem).map((id) => ({ id, at: compute }));
    const sample = spec.project.models?.sample ?? null;
    const onSample = sample?.value === 'off' ? 'scored on the same validation rows, but it trains' : 'it trains';
    for (const { id, at } of baselines) {
      if (!isModelId(id) || trainsDistributed(MODELS[id].framework)) continue;
      rep.report('PC4401', at, `${id} cannot train on the Dask cluster: ${onSample} on a seeded sample of the training rows`,
        'only xgboost and lightgbm train distributed; keep it (the sample is recorded in the lineage) or list only those');
    }
    if (sample) {
      const hint = sample.value === 'off'
        ? `\`sample ${spelled(BUDGETS.defaultSelectionSampleRows)} rows\` selects on a seeded sample instead (faster; the final model still trains on every row)`
        : '`sample off` selects over every training row on the cluster instead (every row decides; each candidate is a distributed fit)';
      rep.report('PC4450', sample, clusterSelectionPath(sample.value, trainingRows(spec)), hint);
    }
  },
};
