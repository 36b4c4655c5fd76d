/**
 * Every model of the catalogue is real in the generated package: built from config.CATALOGUE alone (no
 * per-model Python), for each problem kind it serves, with its fixed parameters and with a candidate
 * sampled from its search space, and fitted and scored by the real framework. A model added to
 * src/catalogue is covered without touching this test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { MODELS, MODEL_IDS, FRAMEWORKS, modelProblems } from '../../src/catalogue/index.js';
import { describeRun, fixtureIr, generateProject, hasPython, partsNamed, runPythonAsync, type GeneratedProject } from '../helpers/generate-project.js';

const SCRIPT = `
import json, sys
import numpy as np
from sklearn.model_selection import ParameterSampler
from credit_risk import config, model_utils as mu, model_utils_tuning as tu

rng = np.random.default_rng(0)
X = rng.normal(size=(120, 4))
targets = {"classification": np.where(X[:, 0] + rng.normal(size=120) > 0, "yes", "no"), "regression": X @ [3.0, -1.0, 0.5, 0.0]}
out = {}
for model_id, spec in config.CATALOGUE["models"].items():
    for problem in ("classification", "regression"):
        reason = mu.skip_reason(model_id, problem)
        if reason:
            out[f"{model_id}/{problem}"] = "skipped: " + reason
            continue
        y = targets[problem]
        fixed = mu.build_model(model_id, problem, 3).fit(X[:90], y[:90])
        metrics = mu.evaluate(fixed, problem, X[90:], y[90:])
        space = tu.search_space(model_id)
        candidate = next(iter(ParameterSampler(space, n_iter=1, random_state=0))) if space else {}
        tuned = mu.build_model(model_id, problem, 3, candidate).fit(X[:90], y[:90])
        got = mu.unwrap_params(tuned)
        assert all(got[k] == (v.item() if hasattr(v, "item") else v) for k, v in candidate.items()), (model_id, candidate, got)
        out[f"{model_id}/{problem}"] = sorted(metrics)
print(json.dumps(out))
`;

describe('catalogue models in the generated package', () => {
  let p: GeneratedProject;
  beforeAll(async () => {
    if (hasPython()) p = await generateProject(fixtureIr('credit-risk'), undefined, partsNamed('project', 'runtime', 'package'));
  });
  afterAll(() => p && rmSync(p.dir, { recursive: true, force: true }));

  it.runIf(hasPython())('build, tune and fit every model for every problem kind it serves, and only those', async () => {
    const r = await runPythonAsync(p.dir, ['-c', SCRIPT], { PIPEC_N_JOBS: '1', PIPEC_FORCE_CPU: '1' });
    expect(r.status, describeRun(r)).toBe(0);
    const out = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Record<string, string | string[]>;
    for (const id of MODEL_IDS) {
      for (const problem of ['classification', 'regression'] as const) {
        const got = out[`${id}/${problem}`];
        if (!modelProblems(id).includes(problem)) expect(got).toBe(`skipped: ${id} is a ${modelProblems(id)[0]} model and the problem is ${problem}`);
        else if (FRAMEWORKS[MODELS[id].framework].optional && typeof got === 'string') expect(got).toMatch(/is not installed \(optional framework/);
        else expect(got, `${id}/${problem}`).toEqual(problem === 'classification'
          ? ['accuracy', 'f1_score', 'log_loss', 'precision', 'recall', 'roc_auc'] : ['mae', 'mape', 'mse', 'r2_score', 'rmse']);
      }
    }
  }, 300_000);
});
