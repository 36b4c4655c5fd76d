/**
 * The package's Dask modules, emitted only when some epoch runs on a cluster: `dask_data.py` (partitioned
 * parquet, distributed statistics, lazy feature transforms) and `dask_training.py` (xgboost.dask /
 * lightgbm.dask training, seeded samples, partition-parallel scoring) and `dask_selection.py` (model selection
 * over every training row on the cluster, `sample off`). Which models train distributed
 * comes from the catalogue's `distributed` framework field.
 */
import { BUDGETS, CLUSTER_FIT, FRAMEWORKS, MODELS, MODEL_IDS, type FrameworkInfo } from '../../catalogue/index.js';
import { makeFile } from '../files.js';
import type { OutputFile } from '../types.js';
import type { EmitContext } from '../view-model.js';
import { emitPackageFile, packageView } from './module.js';

/** Model id → the module of its distributed trainer, for the models whose framework has one. */
export function distributedModels(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of MODEL_IDS) {
    const module = (FRAMEWORKS[MODELS[id].framework] as FrameworkInfo).distributed;
    if (module) out[id] = module;
  }
  return out;
}

/** Model id → its distributed fit's memory factor (the catalogue's `distributedFitMemory`). */
export function distributedFitMemory(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const id of MODEL_IDS) {
    const factor = (FRAMEWORKS[MODELS[id].framework] as FrameworkInfo).distributedFitMemory;
    if (factor !== undefined) out[id] = factor;
  }
  return out;
}

/** Emits the Dask modules of `src/<project>/` ([] for a single-machine project). */
export function emitPackageDask(ctx: EmitContext): OutputFile[] {
  if (!ctx.ir.epochs.some((e) => e.compute)) return [];
  const training = ctx.engine.render('package/dask_training.py.hbs', { ...packageView(ctx), distributed: distributedModels(),
    fitMemory: distributedFitMemory(), clusterFit: CLUSTER_FIT,
    selectionRows: BUDGETS.defaultSelectionSampleRows });
  return [
    emitPackageFile(ctx, 'dask_data.py', 'package/dask_data.py', ['limits', 'data', 'epochs']),
    emitPackageFile(ctx, 'dask_selection.py', 'package/dask_selection.py', ['models', 'epochs']),
    emitPackageFile(ctx, 'tests/test_dask_selection.py', 'package/tests/test_dask_selection.py.hbs', ['models', 'epochs']),
    emitPackageFile(ctx, 'tests/test_dask_training.py', 'package/tests/test_dask_training.py.hbs', ['models', 'epochs']),
    makeFile(`${ctx.project.packageDir}/dask_training.py`, training, ['project', 'models', 'epochs']),
  ];
}
