/**
 * Model selection over every training row on the cluster (issue 14, `sample off` in a cluster epoch 005):
 * the generated package's own pytest of dask_selection.py runs on a real dask.distributed LocalCluster
 * with small data — validation rows are a split of the training partitions and never test rows, the trial
 * and time budgets hold, a resumed run reuses finished baselines and halving rounds, and the loop shared
 * with the single-machine 005 (model_search.py) records which path decided.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import {
  compileSpec, describeRun, generateProject, hasPython, partsNamed, PYTHON, REPO_ROOT, runPythonAsync, variantIr,
} from '../helpers/generate-project.js';

const SPEC = join(REPO_ROOT, 'test/dask/dask-project.pipeline');

describe.runIf(hasPython())('dask_selection on a real LocalCluster (package pytest)', () => {
  it('passes the generated test_dask_selection.py', { timeout: 600_000 }, async () => {
    const ir = await compileSpec(SPEC);
    const project = await generateProject(ir, undefined, partsNamed('project', 'runtime', 'package'));
    const r = await runPythonAsync(project.dir, ['-m', 'pytest', '-p', 'no:cacheprovider', '-q', '--junitxml=junit.xml',
      `src/${ir.project.name}/tests/test_dask_selection.py`], { PIPEC_N_JOBS: '1' }, 600_000);
    expect(r.status, describeRun(r)).toBe(0);
    // Every test ran: none skipped (CI has dask, distributed, xgboost and lightgbm).
    const suite = readFileSync(join(project.dir, 'junit.xml'), 'utf8');
    expect(suite).toMatch(/tests="4"/);
    expect(suite).toMatch(/skipped="0"/);
    expect(suite).toMatch(/failures="0"/);
  });

  it('the generated 005 scripts of both engines and the Dask package modules pass ruff (ruff.toml)', async () => {
    const ir = await compileSpec(SPEC);
    const single = variantIr(ir, (v) => { for (const e of v.epochs) delete e.compute; });
    const dir = (await generateProject(ir, undefined, partsNamed('package', 'epoch005'))).dir;
    const one = (await generateProject(single, undefined, partsNamed('epoch005'))).dir;
    const epoch = ir.epochs.find((e) => e.id === '005')!.dir;
    const pkg = join(dir, 'src', ir.project.name);
    const files = [join(dir, epoch, 'scripts', 'run_epoch.py'), join(one, epoch, 'scripts', 'run_epoch.py'),
      ...['dask_training.py', 'dask_selection.py', 'model_search.py', 'tests/test_dask_selection.py'].map((f) => join(pkg, f))];
    const r = spawnSync(PYTHON, ['-m', 'ruff', 'check', '--no-cache', '--config', join(REPO_ROOT, 'ruff.toml'), ...files], { encoding: 'utf8' });
    expect(`${r.stdout}${r.stderr}`).toContain('All checks passed!');
    expect(readFileSync(files[0]!, 'utf8')).toContain('dask_selection');
    expect(readFileSync(files[1]!, 'utf8')).not.toContain('DaskCluster');
  });
});
