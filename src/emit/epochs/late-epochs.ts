/**
 * Shared values of the late epochs (005-008): which lifecycle epochs hand them features, models and
 * the deployment, and the requirements their code imports.
 */
import { REQUIRED_FRAMEWORK_PACKAGES } from '../../catalogue/index.js';

/** The epoch that writes the train/test feature tables (feature engineering). */
export const FEATURE_EPOCH = '004';
/** The epoch that trains and registers the model. */
export const MODEL_EPOCH = '005';
/** The epoch that deploys the model (API, app). */
export const DEPLOY_EPOCH = '007';

/** Python packages the modelling code imports (pinned by pins.ts; the frameworks from the catalogue). */
export const MODEL_REQUIREMENTS: readonly string[] = [
  'numpy', 'pandas', 'pyarrow', 'scipy', ...REQUIRED_FRAMEWORK_PACKAGES, 'matplotlib', 'mlflow', 'skops',
  'psutil', 'filelock', 'nbclient', 'ipykernel',
];
