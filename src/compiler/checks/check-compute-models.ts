// Rule: when model development runs on a cluster, say which baselines cannot train distributed.
import { defaultBaselines, isModelId, MODELS, trainsDistributed } from '../../catalogue/index.js';
import type { Check } from '../check-context.js';
import { computeOf } from '../compute-of.js';

/** The lifecycle epoch that trains the models. */
const MODEL_EPOCH = '005';

/** PC4401 (warning): a baseline of a framework without a distributed trainer trains on a seeded sample. */
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
    for (const { id, at } of baselines) {
      if (!isModelId(id) || trainsDistributed(MODELS[id].framework)) continue;
      rep.report('PC4401', at, `${id} cannot train on the Dask cluster: it trains on a seeded sample of the training rows`,
        'only xgboost and lightgbm train distributed; keep it (the sample is recorded in the lineage) or list only those');
    }
  },
};
