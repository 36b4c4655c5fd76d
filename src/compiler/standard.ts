/**
 * Names that are part of the language itself (not of a library): standard metrics per problem kind,
 * model ids and their frameworks, formula functions, and the platform ceilings.
 */
import { MODEL_IDS } from '../ir/schema.js';
import type { ProblemKind } from './model.js';

/** Standard metrics of each problem kind, in the seed's canonical order. */
export const STANDARD_METRICS: Record<ProblemKind, readonly string[]> = {
  classification: ['accuracy', 'precision', 'recall', 'f1_score', 'roc_auc', 'log_loss'],
  regression: ['mse', 'rmse', 'mae', 'r2_score', 'mape'],
};

/** The metric used when a spec names none. */
export const DEFAULT_METRIC: Record<ProblemKind, string> = { classification: 'f1_score', regression: 'rmse' };

/** Models that only make sense for one problem kind (the others serve both). */
export const MODEL_PROBLEM: Partial<Record<(typeof MODEL_IDS)[number], ProblemKind>> = {
  'sklearn.logistic_regression': 'classification',
  'sklearn.linear_regression': 'regression',
  'statsmodels.ols': 'regression',
};

/** Frameworks of the model ids; heavy ones are optional (skipped with a reason when not installed). */
export const MODEL_FRAMEWORK: Record<(typeof MODEL_IDS)[number], { framework: 'sklearn' | 'xgboost' | 'lightgbm' | 'pytorch' | 'tensorflow' | 'statsmodels'; optional: boolean }> = {
  'sklearn.logistic_regression': { framework: 'sklearn', optional: false },
  'sklearn.linear_regression': { framework: 'sklearn', optional: false },
  'sklearn.random_forest': { framework: 'sklearn', optional: false },
  xgboost: { framework: 'xgboost', optional: false },
  lightgbm: { framework: 'lightgbm', optional: false },
  'pytorch.mlp': { framework: 'pytorch', optional: true },
  'tensorflow.mlp': { framework: 'tensorflow', optional: true },
  'statsmodels.ols': { framework: 'statsmodels', optional: false },
};

/** Functions allowed in formulas, with their arity ([min, max]). */
export const FORMULA_FUNCTIONS: Record<'log' | 'exp' | 'sqrt' | 'abs' | 'min' | 'max', [number, number]> = {
  log: [1, 1], exp: [1, 1], sqrt: [1, 1], abs: [1, 1], min: [2, 2], max: [2, 2],
};

/** Whether `name` is a model id pipec can generate. */
export const isModelId = (name: string): name is (typeof MODEL_IDS)[number] => (MODEL_IDS as readonly string[]).includes(name);

/** Cross-validation folds when `tune ... cv` is not given (checks and lowering both read this). */
export const DEFAULT_CV_FOLDS = 5;

/** Platform ceilings of a standard Domino workspace (seed: 50MB files, 12GB RAM). */
export const PLATFORM = {
  maxFileSizeBytes: 50 * 1024 ** 2,
  maxMemoryBytes: 12 * 1024 ** 3,
  chunkRowsMin: 100,
  chunkRowsMax: 1_000_000,
  /** Fits above this (trials × folds × baselines) take hours on a standard tier. */
  maxFits: 500,
} as const;

/** Libraries a spec may `use`; the loader maps `a.b` to `stdlib/a/b.pipeline`. */
export const KNOWN_LIBRARIES = ['lifecycle.domino_standard'] as const;
