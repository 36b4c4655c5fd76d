/**
 * Model selection over every training row on the cluster (issue 14, `sample off` in a cluster epoch 005):
 * the generated package's own pytest of dask_selection.py runs on a real dask.distributed LocalCluster
 * with small data — validation rows are a split of the training partitions and never test rows, the trial
 * and time budgets hold, a resumed run reuses finished baselines and halving rounds, and the loop shared
 * with the single-machine 005 (model_search.py) records which path decided. (test/emit/generated-lint.test.ts
 * runs ruff on the generated 005 scripts and these modules.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSpec, describeRun, generateProject, hasPython, partsNamed, REPO_ROOT, runPythonAsync } from '../helpers/generate-project.js';

const SPEC = join(REPO_ROOT, 'test/dask/dask-project.pipeline');

describe.runIf(hasPython())('dask_selection on a real LocalCluster (package pytest)', () => {
  it('passes the generated test_dask_selection.py and test_dask_training.py (the final fit\'s memory plan)', { timeout: 600_000 }, async () => {
    const ir = await compileSpec(SPEC);
    const project = await generateProject(ir, undefined, partsNamed('project', 'runtime', 'package'));
    const r = await runPythonAsync(project.dir, ['-m', 'pytest', '-p', 'no:cacheprovider', '-q', '--junitxml=junit.xml',
      `src/${ir.project.name}/tests/test_dask_selection.py`, `src/${ir.project.name}/tests/test_dask_training.py`],
    { PIPEC_N_JOBS: '1' }, 600_000);
    expect(r.status, describeRun(r)).toBe(0);
    // Every test ran: none skipped (CI has dask, distributed, xgboost and lightgbm).
    const suite = readFileSync(join(project.dir, 'junit.xml'), 'utf8');
    expect(suite).toMatch(/tests="10"/);
    expect(suite).toMatch(/skipped="0"/);
    expect(suite).toMatch(/failures="0"/);
  });
});
