/**
 * Shared values of the late epochs (005-008): which lifecycle epochs hand them features, models and
 * the deployment, and the requirements their code imports.
 */

/** The epoch that writes the train/test feature tables (feature engineering). */
export const FEATURE_EPOCH = '004';
/** The epoch that trains and registers the model. */
export const MODEL_EPOCH = '005';
/** The epoch that deploys the model (API, app). */
export const DEPLOY_EPOCH = '007';

/** Python packages the modelling code imports (pinned by pins.ts). */
export const MODEL_REQUIREMENTS = [
  'numpy', 'pandas', 'pyarrow', 'scipy', 'scikit-learn', 'xgboost', 'lightgbm', 'statsmodels', 'matplotlib', 'mlflow', 'skops',
  'psutil', 'filelock', 'nbclient', 'ipykernel',
] as const;
