/**
 * Package modules for model development (epoch 005): factories and metrics (`model_utils.py`),
 * budgeted tuning, framework wrappers, MLflow registry helpers and charts, with their pytest tests.
 */
import type { OutputFile } from '../types.js';
import type { EmitContext } from '../view-model.js';
import { emitPackageFile } from './module.js';

/** Module file → template key and the IR sections it depends on. */
const MODULES: readonly { path: string; template: string; sources: string[] }[] = [
  { path: 'model_utils.py', template: 'package/model_utils.py', sources: ['models'] },
  { path: 'model_utils_tuning.py', template: 'package/model_utils_tuning.py', sources: ['models'] },
  { path: 'model_utils_wrappers.py', template: 'package/model_utils_wrappers.py', sources: ['models'] },
  { path: 'model_utils_registry.py', template: 'package/model_utils_registry.py', sources: ['models', 'deploy'] },
  { path: 'model_utils_report.py', template: 'package/model_utils_report.py', sources: [] },
  { path: 'model_artifact.py', template: 'package/model_artifact.py', sources: ['data', 'features'] },
  { path: 'model_selection.py', template: 'package/model_selection.py', sources: ['models'] },
  { path: 'model_budget.py', template: 'package/model_budget.py', sources: ['models'] },
  { path: 'model_search.py', template: 'package/model_search.py', sources: ['models'] },
  { path: 'tests/test_model_utils.py', template: 'package/tests/test_model_utils.py.hbs', sources: ['models'] },
  { path: 'tests/test_model_selection.py', template: 'package/tests/test_model_selection.py.hbs', sources: ['models', 'data'] },
];

/** Emits the model development modules of `src/<project>/`. */
export function emitPackageModelUtils(ctx: EmitContext): OutputFile[] {
  return MODULES.map((m) => emitPackageFile(ctx, m.path, m.template, m.sources));
}
