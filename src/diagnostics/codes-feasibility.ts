/**
 * Diagnostic codes of the feasibility pass (src/compiler/feasibility): what the data can deliver
 * against the gates and the limits, known before anything runs. See codes.ts for the conventions.
 */
import { c } from './code-info.js';

export const FEASIBILITY_CODES = [
  c('PC5301', 'error', 'gate unreachable',
    'For synthetic data pipec knows the exact generating process, so it simulates it and scores the true model — the target formula itself — with the gated metric. No model can do better than that (the Bayes limit), up to the sampling error of the test split. A gate beyond it can never pass: the run would spend epochs 001-004 only for epoch 005 to fail. Exact facts (test rows of the split, row counts, missing share) are checked the same way.',
    'data synthetic {\n  rows 100_000\n  column x float normal(0, 1)\n  target y binary logistic(0.5 * x)\n}\nepoch 005 {\n  gate { require metric.roc_auc >= 0.99 }\n}',
    'Lower the gate below the value the message names, or make the signal stronger (larger coefficients in the target formula, less noise).'),
  c('PC5302', 'warning', 'gate within sampling error of the limit',
    'The gate lies within the sampling error of the best value any model can reach on this data (the generating formula itself, scored on as many test rows as the split gives). Even a perfect model would pass or fail it by chance, and a real model scores below the limit.',
    'data synthetic {\n  rows 2_000\n  column x float normal(0, 1)\n  target y binary logistic(2 * x)\n}\nepoch 005 {\n  gate { require metric.roc_auc >= 0.83 }\n}',
    'Leave a margin below the value the message names, or use more rows so the test split measures the metric more precisely.'),
  c('PC6301', 'warning', 'data file will be sampled down',
    'The estimated size of the data file (rows × columns × types, as zstd parquet) is over `max_file_size`, so epoch 002 will keep only a random sample of the rows — silently smaller data than the spec asks for. The message names the rows that fit.',
    'limits { max_file_size 50MB }\ndata synthetic {\n  rows 2_000_000\n  column a float uniform(0, 1)\n  column b float uniform(0, 1)\n  column c float uniform(0, 1)\n}',
    'Lower `rows` to the count that fits, drop columns, or raise `max_file_size` (up to the platform ceiling).'),
  c('PC6302', 'warning', 'epoch may exceed max_memory',
    'The estimated peak memory of an epoch that holds the data (the frame, the feature matrix and the copies made while models fit) is over `max_memory`; the runtime memory guard would stop it.',
    'limits { max_memory 1GB }\ndata synthetic {\n  rows 5_000_000\n  column a float uniform(0, 1)\n}',
    'Lower `rows`, raise `max_memory` and the epoch\'s hardware tier, or reduce the features.'),
] as const;

/** Codes of `pipec check --deep` (src/cli/deep): found by running Python on the data, tested through the CLI. */
export const DEEP_CODES = [
  c('PC5303', 'warning', 'gate unlikely to pass on this data',
    '`pipec check --deep` fitted quick cross-validated baselines (a linear model and a small gradient-boosted model) on a sample of the data file, and the whole interval expected for the gated metric — on a test split as large as the run\'s — lies on the failing side of the gate. Tuning may gain a little; rarely that much.',
    'data file "loans.csv" {\n  target default binary\n}\nepoch 005 {\n  gate { require metric.roc_auc >= 0.99 }\n}',
    'Lower the gate toward the expected value the message names, or improve the data (more informative columns, more rows).'),
  c('PC9301', 'error', 'deep check could not run',
    '`pipec check --deep` runs the project\'s Python runtime on the data file; it could not (no Python with pandas and scikit-learn, the data file missing or unreadable, or the target column absent). Nothing was measured.',
    'data file "missing.csv" {\n  target y binary\n}',
    'Fix what the message names (create `.venv` with scripts/setup-python.sh, or pass `--python`), or run `pipec check` without `--deep`.'),
] as const;
