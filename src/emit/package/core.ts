/**
 * The core of the reusable package `src/<project>/`: config (from the IR), data processing, feature
 * engineering, validation, EDA figures, notebook paths, error handling, and their pytest tests. Modelling, serving, monitoring and
 * app modules are separate parts (package/model-utils.ts etc.).
 */
import type { OutputFile } from '../types.js';
import type { EmitContext } from '../view-model.js';
import { emitPackageFile } from './module.js';

/** Module file → template key and the IR sections it depends on. */
const CORE_MODULES: readonly { path: string; template: string; sources: string[] }[] = [
  { path: '__init__.py', template: 'package/__init__.py.hbs', sources: [] },
  { path: 'README.md', template: 'package/README.md.hbs', sources: [] },
  { path: 'config.py', template: 'package/config.py.hbs', sources: ['data', 'features', 'models', 'limits', 'deploy', 'epochs', 'domino', 'risks'] },
  { path: 'data_processing.py', template: 'package/data_processing.py', sources: ['data'] },
  { path: 'feature_engineering.py', template: 'package/feature_engineering.py', sources: ['features'] },
  { path: 'text_features.py', template: 'package/text_features.py', sources: [] },
  { path: 'validation.py', template: 'package/validation.py', sources: ['data'] },
  { path: 'error_handling.py', template: 'package/error_handling.py', sources: [] },
  { path: 'eda.py', template: 'package/eda.py', sources: ['data'] },
  { path: 'eda_html.py', template: 'package/eda_html.py', sources: ['data'] },
  { path: 'markdown_text.py', template: 'package/markdown_text.py', sources: [] },
  { path: 'project_paths.py', template: 'package/project_paths.py', sources: [] },
  { path: 'tests/__init__.py', template: 'package/tests/__init__.py', sources: [] },
  { path: 'tests/conftest.py', template: 'package/tests/conftest.py.hbs', sources: ['data'] },
  { path: 'tests/test_data_processing.py', template: 'package/tests/test_data_processing.py.hbs', sources: ['data'] },
  { path: 'tests/test_feature_engineering.py', template: 'package/tests/test_feature_engineering.py.hbs', sources: ['features'] },
  { path: 'tests/test_validation.py', template: 'package/tests/test_validation.py.hbs', sources: ['data'] },
  { path: 'tests/test_eda_report.py', template: 'package/tests/test_eda_report.py.hbs', sources: ['data'] },
  { path: 'tests/test_error_handling.py', template: 'package/tests/test_error_handling.py.hbs', sources: [] },
];

/** Emits the core package modules and tests. */
export function emitPackageCore(ctx: EmitContext): OutputFile[] {
  return CORE_MODULES.map((m) => emitPackageFile(ctx, m.path, m.template, m.sources));
}
