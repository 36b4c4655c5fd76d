/**
 * The models a spec may list. Each entry is everything pipec knows about one model: its framework,
 * the problem kinds it serves, whether it is a default baseline, and how the generated Python builds it
 * (class per problem kind, fixed parameters, the names of its seed/threads/device parameters) and tunes
 * it (search space). The Python package receives the table through `config.CATALOGUE` and keeps no
 * per-model code. Adding a model is adding an entry here (docs/extending.md).
 */
import type { Framework } from './frameworks.js';

/** The problem kinds of the language. */
export type ProblemKind = 'classification' | 'regression';

/** A JSON parameter value passed to a Python constructor as is. */
export type ParamValue = number | string | boolean | null;

/**
 * One tuning dimension: a list of choices, or a scipy.stats distribution with its arguments
 * (`randint(a, b)` samples a..b-1, `uniform(loc, scale)` samples loc..loc+scale, `loguniform(a, b)`).
 */
export type SearchDimension = readonly ParamValue[] | { readonly randint: readonly [number, number] }
  | { readonly uniform: readonly [number, number] } | { readonly loguniform: readonly [number, number] };

/**
 * How a classifier weights the classes of an imbalanced target (generated `model_selection.balance_params`).
 * `value`: `balanced` is scikit-learn's inverse-frequency weighting; `negative_per_positive` the count of the
 * first class over the second (XGBoost's binary `scale_pos_weight`). `wrapper`: the parameter belongs to the
 * package's LabelEncodedClassifier (balanced sample weights at fit time), not to the estimator.
 */
export interface ClassWeighting {
  readonly param: string;
  readonly value: 'balanced' | 'negative_per_positive';
  readonly wrapper: boolean;
}

/** How generated Python constructs a model. */
export interface PythonConstruction {
  /**
   * The estimator class per problem kind it serves: a dotted import path, or `.module.Class` relative
   * to the generated package (the framework wrappers). The keys are the model's problem kinds.
   */
  readonly estimator: Partial<Record<ProblemKind, string>>;
  /** Fixed parameters; tuned or caller parameters override them. */
  readonly params: Readonly<Record<string, ParamValue>>;
  /** Name of the random seed parameter, if the estimator takes one. */
  readonly seedParam: string | null;
  /** Name of the worker-threads parameter, if any (set to the package's `n_jobs()`). */
  readonly jobsParam: string | null;
  /**
   * The estimator sizes an OpenMP thread pool itself, with no parameter for it: Python caps the pool at
   * the package's `n_jobs()` (threadpoolctl) before building it (an uncapped pool spin-waits on a
   * shared machine: a 1,500-row fit measured 54s uncapped, 2s capped at one thread).
   */
  readonly openmpThreads: boolean;
  /** Name of the problem-kind parameter (wrappers that serve both kinds with one class), if any. */
  readonly problemParam: string | null;
  /** GPU support: the device parameter and its GPU value (its CPU value is `"cpu"`); null: CPU only. */
  readonly gpu: { readonly param: string; readonly value: string } | null;
  /** Classifiers that need integer labels are wrapped in the package's LabelEncodedClassifier. */
  readonly labelEncode: boolean;
  /** Class weighting for an imbalanced target, binary and multiclass; null: fitted unweighted. */
  readonly imbalance: { readonly binary: ClassWeighting; readonly multiclass: ClassWeighting } | null;
}

/** One model of the catalogue. */
export interface ModelInfo {
  readonly framework: Framework;
  /** Trained by default (in catalogue order) when a spec has no `models` block. */
  readonly defaultBaseline: boolean;
  readonly python: PythonConstruction;
  /** Distributions the tuner samples candidates from; empty: the model is not tuned. */
  readonly search: Readonly<Record<string, SearchDimension>>;
}

const CPU_ONLY = { jobsParam: null, openmpThreads: false, problemParam: null, gpu: null, labelEncode: false, imbalance: null } as const;
/** scikit-learn's `class_weight="balanced"` for any number of classes (Keras and the torch wrapper take it too). */
const BALANCED_WEIGHT = { param: 'class_weight', value: 'balanced', wrapper: false } as const;
const CLASS_WEIGHT = { binary: BALANCED_WEIGHT, multiclass: BALANCED_WEIGHT } as const;
const TREES = { n_estimators: { randint: [50, 301] }, learning_rate: { loguniform: [0.01, 0.3] } } as const;

/** Every model id, in catalogue order (docs, completions and default baselines follow it). */
export const MODELS = {
  'sklearn.logistic_regression': {
    framework: 'sklearn', defaultBaseline: true,
    python: { ...CPU_ONLY, estimator: { classification: 'sklearn.linear_model.LogisticRegression' }, params: { max_iter: 2000 }, seedParam: 'random_state', imbalance: CLASS_WEIGHT },
    search: { C: { loguniform: [1e-3, 1e2] }, class_weight: [null, 'balanced'] },
  },
  'sklearn.linear_regression': {
    framework: 'sklearn', defaultBaseline: true,
    python: { ...CPU_ONLY, estimator: { regression: 'sklearn.linear_model.LinearRegression' }, params: {}, seedParam: null },
    search: { fit_intercept: [true, false], positive: [false, true] },
  },
  'sklearn.random_forest': {
    framework: 'sklearn', defaultBaseline: true,
    python: {
      ...CPU_ONLY, estimator: { classification: 'sklearn.ensemble.RandomForestClassifier', regression: 'sklearn.ensemble.RandomForestRegressor' },
      params: { n_estimators: 100 }, seedParam: 'random_state', jobsParam: 'n_jobs', imbalance: CLASS_WEIGHT,
    },
    search: {
      n_estimators: { randint: [50, 301] }, max_depth: [null, 5, 10, 20], min_samples_split: { randint: [2, 11] },
      // `null` is every feature (scikit-learn's 1.0; a JSON 1.0 would reach Python as the int 1: one feature).
      min_samples_leaf: { randint: [1, 5] }, max_features: ['sqrt', 0.5, null],
    },
  },
  'sklearn.hist_gradient_boosting': {
    framework: 'sklearn', defaultBaseline: false,
    python: {
      ...CPU_ONLY, estimator: { classification: 'sklearn.ensemble.HistGradientBoostingClassifier', regression: 'sklearn.ensemble.HistGradientBoostingRegressor' },
      params: { max_iter: 200, learning_rate: 0.1 }, seedParam: 'random_state', openmpThreads: true, imbalance: CLASS_WEIGHT,
    },
    search: {
      max_iter: { randint: [50, 301] }, learning_rate: TREES.learning_rate, max_leaf_nodes: { randint: [15, 64] },
      min_samples_leaf: { randint: [5, 50] }, l2_regularization: { loguniform: [1e-6, 1] },
    },
  },
  xgboost: {
    framework: 'xgboost', defaultBaseline: true,
    python: {
      estimator: { classification: 'xgboost.XGBClassifier', regression: 'xgboost.XGBRegressor' },
      params: { n_estimators: 200, max_depth: 6, learning_rate: 0.1, tree_method: 'hist' },
      seedParam: 'random_state', jobsParam: 'n_jobs', openmpThreads: false, problemParam: null, gpu: { param: 'device', value: 'cuda' }, labelEncode: true,
      // Binary: XGBoost's own scale_pos_weight; multiclass: it has no class_weight, the label wrapper
      // fits with balanced sample weights instead.
      imbalance: {
        binary: { param: 'scale_pos_weight', value: 'negative_per_positive', wrapper: false },
        multiclass: { param: 'class_weight', value: 'balanced', wrapper: true },
      },
    },
    search: {
      n_estimators: TREES.n_estimators, max_depth: { randint: [3, 11] }, learning_rate: TREES.learning_rate,
      subsample: { uniform: [0.6, 0.4] }, colsample_bytree: { uniform: [0.6, 0.4] }, min_child_weight: { loguniform: [1, 10] },
    },
  },
  lightgbm: {
    framework: 'lightgbm', defaultBaseline: true,
    python: {
      estimator: { classification: 'lightgbm.LGBMClassifier', regression: 'lightgbm.LGBMRegressor' },
      params: { n_estimators: 200, learning_rate: 0.05, num_leaves: 31, verbose: -1 },
      seedParam: 'random_state', jobsParam: 'n_jobs', openmpThreads: false, problemParam: null, gpu: { param: 'device_type', value: 'gpu' }, labelEncode: false, imbalance: CLASS_WEIGHT,
    },
    search: {
      n_estimators: TREES.n_estimators, learning_rate: TREES.learning_rate, num_leaves: { randint: [15, 128] },
      max_depth: [-1, 3, 5, 7, 10], min_child_samples: { randint: [5, 50] }, colsample_bytree: { uniform: [0.6, 0.4] },
    },
  },
  'pytorch.mlp': {
    framework: 'pytorch', defaultBaseline: false,
    python: {
      estimator: { classification: '.model_utils_wrappers.TorchMLP', regression: '.model_utils_wrappers.TorchMLP' },
      params: {}, seedParam: 'seed', jobsParam: null, openmpThreads: false, problemParam: 'problem', gpu: { param: 'device', value: 'cuda' }, labelEncode: false, imbalance: CLASS_WEIGHT,
    },
    search: { hidden: [32, 64, 128], lr: { loguniform: [1e-4, 1e-2] } },
  },
  'tensorflow.mlp': {
    framework: 'tensorflow', defaultBaseline: false,
    python: {
      ...CPU_ONLY, estimator: { classification: '.model_utils_wrappers.KerasMLP', regression: '.model_utils_wrappers.KerasMLP' },
      params: {}, seedParam: 'seed', problemParam: 'problem', imbalance: CLASS_WEIGHT,
    },
    search: { hidden: [32, 64, 128], lr: { loguniform: [1e-4, 1e-2] } },
  },
  'statsmodels.ols': {
    framework: 'statsmodels', defaultBaseline: false,
    python: { ...CPU_ONLY, estimator: { regression: '.model_utils_wrappers.OLSRegressor' }, params: {}, seedParam: null },
    search: {},
  },
} as const satisfies Record<string, ModelInfo>;

/** A model id. */
export type ModelId = keyof typeof MODELS;

/** Model ids in catalogue order (a non-empty tuple, as zod's enum wants). */
export const MODEL_IDS = Object.keys(MODELS) as [ModelId, ...ModelId[]];

/** Whether `name` is a model id pipec can generate. */
export const isModelId = (name: string): name is ModelId => Object.hasOwn(MODELS, name);

/** The problem kinds a model serves. */
export const modelProblems = (id: ModelId): ProblemKind[] =>
  (['classification', 'regression'] as const).filter((p) => (MODELS[id].python.estimator as Partial<Record<ProblemKind, string>>)[p] !== undefined);

/** Baselines trained when a spec has no `models` block, in catalogue order. */
export const defaultBaselines = (problem: ProblemKind): ModelId[] =>
  MODEL_IDS.filter((id) => MODELS[id].defaultBaseline && modelProblems(id).includes(problem));
