/**
 * Diagnostic codes of distributed compute (`compute cluster dask { ... }`), owned by src/compiler.
 * Block x4xx of each phase range (PC2401 a name, PC4401 a model, PC6401 a platform limit, PC7401 an epoch,
 * PC8401 the Domino flow).
 */
import type { CodeInfo, Severity } from './code-info.js';

const c = <C extends string>(code: C, severity: Severity, title: string, explanation: string, example: string, fix: string): CodeInfo<C> =>
  ({ code, severity, title, explanation, example, fix });

export const COMPUTE_CODES = [
  c('PC2401', 'error', 'unknown worker tier',
    'A `compute cluster` names a `worker_tier` that neither the spec\'s `domino` block nor the lifecycle defines. Cluster workers run on a logical tier like epochs do; the flow sends its hardware tier to Domino.',
    'compute cluster dask {\n  worker_tier huge\n}', 'Use a defined tier (small, medium, large by default) or add `tier huge "Domino tier name"` to the domino block.'),
  c('PC4401', 'warning', 'model cannot train distributed',
    'Epoch 005 runs on a cluster, but this model\'s framework has no distributed trainer (only XGBoost and LightGBM train on Dask). It trains on a seeded sample of the training partitions that fits one worker; the final XGBoost/LightGBM models still train on every row.',
    'compute cluster dask { workers 2 }\nmodels {\n  baseline sklearn.random_forest, xgboost\n}', 'Keep it (the sample is seeded and recorded in the lineage), or list only `xgboost` and `lightgbm` for cluster training.'),
  c('PC4450', 'info', 'which rows select the model on the cluster',
    'Epoch 005 runs on a cluster and the spec writes `sample`. With `sample N rows` and more training rows than N, the baseline ranking, the tuning and the decision threshold are chosen by cross-validation on a seeded sample of N training rows, and the chosen model is refitted on every training row with xgboost.dask / lightgbm.dask. With `sample off` (or at most N training rows) selection runs on the cluster over every training row: each baseline and tuning candidate trains with xgboost.dask / lightgbm.dask on the training partitions and is scored on a seeded 20% validation split of them (never test rows); successive halving grows the share of training rows per round; the threshold is chosen on the validation rows. The run records the path as `selection` in its log, MLflow params and model_comparison.json.',
    'compute cluster dask { workers 2 }\nmodels {\n  baseline xgboost, lightgbm\n  sample off\n}', 'Nothing to fix: it says which path the spec takes. Write `sample off` for selection over every row on the cluster, or `sample N rows` for selection on a sample.'),
  c('PC4470', 'warning', 'local cluster exceeds max_memory',
    'A local run starts the cluster as a `distributed.LocalCluster` whose worker processes are children of the epoch, and the memory guards (the runtime\'s and `pipec run --max-memory`\'s) count the whole process tree against `limits.max_memory`. When `workers` × `worker_memory`, plus about 512MB for the epoch process itself, is more than `max_memory`, the guard can stop an epoch before any worker reaches its own limit. Checked where the spec writes `worker_memory` (a default worker_memory is sized for Domino\'s machines), for the project\'s and each epoch\'s `compute cluster`. On Domino each worker runs on its own machine and this does not apply.',
    'compute cluster dask {\n  workers       4\n  worker_memory 8GB\n}\nlimits {\n  max_memory 12GB\n}', 'For local runs lower `workers` or `worker_memory` so that they fit under `max_memory`, or raise `max_memory` up to the platform ceiling (12GB).'),
  c('PC6401', 'error', 'worker memory does not fit the tier',
    'A cluster worker\'s `worker_memory` is more than one machine of its `worker_tier` has, or too little for a Dask worker to hold its process and one partition (256MB).',
    'compute cluster dask {\n  worker_tier small\n  worker_memory 64GB\n}', 'Lower `worker_memory`, or pick a larger `worker_tier`.'),
  c('PC6402', 'error', 'cluster size out of range',
    'A cluster has fewer than 1 or more than 64 workers, or a worker count that is not a whole number.',
    'compute cluster dask {\n  workers 0\n}', 'Use a whole number of workers from 1 to 64.'),
  c('PC6403', 'warning', 'final fit will not hold every training row',
    'Epoch 005 runs on a cluster, and its final XGBoost/LightGBM fit on every training row is estimated to need more than 85% of a worker\'s `worker_memory` (the nanny pauses a worker at 80%, which a running fit survives, and kills it at 95%; a distributed fit that loses a worker fails after minutes with a socket error). The estimate is the generated code\'s own plan: a worker\'s memory before the fit, plus its share of the training matrix (float32 features and the target, 10% over an even share) times one plus the framework\'s measured fit memory (LightGBM 3, XGBoost 2), for the hungriest distributed baseline the spec lists. At run time the plan is made again with the workers\' real memory: the fit then trains on the largest seeded sample of the training rows that stays under the limit (a warning, recorded in the lineage and in best_model_info.json), or stops before it starts when not even the selection sample fits.',
    'compute cluster dask {\n  workers 4\n  worker_memory 1GB\n}\ndata synthetic {\n  rows 20_000_000\n  ...\n}', 'Raise `worker_memory` (or `workers`) to the figure the message gives to train on every row, or keep the seeded sample.'),
  c('PC8401', 'warning', 'cluster cannot reach the Domino flow',
    'An epoch runs on a Dask cluster, but the Domino flow can only ask for an on-demand cluster (DominoJobConfig.ComputeClusterProperties) with ids: the environment, the epoch\'s hardware tier and the workers\' tier must be given with `id`. Without them the flow runs the epoch without a cluster (its code then starts a local one on the job\'s machine).',
    'domino {\n  environment "Domino Standard Environment Py3.11"\n}\ncompute cluster dask { workers 2 }', 'Give the environment and the tiers by id in the domino block: `environment id "<24 hex>"`, `tier small id "small-k8s"`.'),
  c('PC7401', 'error', 'epoch cannot run on a cluster',
    'Only the lifecycle epochs 002 to 006 (wrangling, EDA, features, model development, testing) have generated code for a cluster. Planning, deployment, the retrospective and user-defined epochs run on one machine.',
    'epoch 007 {\n  compute cluster dask { workers 2 }\n}', 'Remove the `compute` statement from that epoch, or put it on one of epochs 002 to 006.'),
];
