/**
 * Runs the generated project for real: epochs 001-004 in order at small rows with the pinned Python,
 * then the generated package's pytest suite and the EDA notebook (nbclient). One generated project
 * for the whole file keeps the cost bounded.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  PYTHON, compileExample, describeRun, fixtureIr, generateProject, hasPython, partsNamed, runPythonAsync, variantIr, type GeneratedProject,
} from '../helpers/generate-project.js';
import { compileAllPython, executeNotebook, validateNotebooks } from '../helpers/python-checks.js';

const ROWS = 3000;
// The main run tracks to the local MLflow sqlite store like a user's run; reruns skip MLflow (speed).
const ENV = { PIPEC_ROWS: String(ROWS), PIPEC_APPROVE: 'all' };
const FAST_ENV = { ...ENV, PIPEC_MLFLOW: '0' };
const EPOCHS = ['001', '002', '003', '004'];

/** Content digest of a parquet file (independent of parquet encoding details). */
const DIGEST = `
import hashlib, pandas as pd, sys
df = pd.read_parquet(sys.argv[1])
print(hashlib.sha256(pd.util.hash_pandas_object(df, index=False).values.tobytes()).hexdigest(), len(df))`;

/** Runs the pinned Python until `marker` appears on stdout, then SIGKILLs it; false if it ended first. */
function runUntil(cwd: string, args: string[], env: Record<string, string>, marker: string): Promise<boolean> {
  return new Promise((done) => {
    const child = spawn(PYTHON, args, { cwd, env: { ...process.env, PYTHONPATH: 'src', DOMINO_PROJECT_NAME: '', DOMINO_RUN_ID: '', ...env } });
    let out = '';
    let hit = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      if (!hit && out.includes(marker)) {
        hit = true;
        child.kill('SIGKILL');
      }
    });
    child.on('close', () => done(hit));
  });
}

let project: GeneratedProject;
const state = () => JSON.parse(readFileSync(join(project.dir, '.context', 'pipeline_state.json'), 'utf8'));
const dataDir = (epoch: string) => join(project.dir, 'data', 'credit_risk', project.ir.epochs.find((e) => e.id === epoch)!.dir);

describe.runIf(hasPython())('generated epochs 001-004 (examples/credit-risk)', () => {
  beforeAll(async () => {
    project = await generateProject(await compileExample('credit-risk'), undefined, partsNamed('project', 'runtime', 'package', ...EPOCHS.map((e) => `epoch${e}`)));
  });

  it('every .py compiles and every notebook is valid nbformat 4.5', async () => {
    const c = await compileAllPython(project.dir);
    expect(c.status, describeRun(c)).toBe(0);
    const n = await validateNotebooks(project.dir);
    expect(n.status, describeRun(n)).toBe(0);
    expect(n.stdout).toContain('validated 4 notebooks');
  });

  it('runs 001-004 in order; each completes with its gate passed and its facts recorded', { timeout: 600_000 }, async () => {
    for (const id of EPOCHS) {
      const dir = project.ir.epochs.find((e) => e.id === id)!.dir;
      const r = await runPythonAsync(project.dir, [`${dir}/scripts/run_epoch.py`], ENV);
      expect(r.status, `epoch ${id}\n${describeRun(r)}`).toBe(0);
      expect(r.stdout).toContain(`epoch ${id} completed: gate passed`);
    }
    const s = state();
    for (const id of EPOCHS) {
      expect(s.epochs[id].status).toBe('completed');
      expect(s[`epoch_${id}_complete`]).toBe(true);
      const declared = project.ir.epochs.find((e) => e.id === id)!.produces.map((f) => f.name).sort();
      // Every declared fact is recorded, and nothing undeclared (no "not declared" warnings).
      expect(Object.keys(s.epochs[id].facts).sort(), `facts of ${id}`).toEqual(declared);
    }
    expect(s.warnings).toEqual([]);
    const f2 = s.epochs['002'].facts;
    expect(f2['data.rows']).toBe(ROWS);
    expect(f2['data.columns']).toBe(7);
    expect(f2['data.schema_valid']).toBe(true);
    // income is 2% missing, 1 of 7 columns: about 0.29% of cells.
    expect(f2['data.missing']).toBeGreaterThan(0.1);
    expect(f2['data.missing']).toBeLessThan(0.6);
    expect(f2['data.size']).toBeLessThan(project.ir.limits.maxFileSizeBytes);
    const f4 = s.epochs['004'].facts;
    expect(f4['split.test_rows']).toBe(ROWS * 0.2);
    expect(f4['split.train_rows']).toBe(ROWS * 0.8);
    // 7 numeric (5 columns + 2 derived) + 3 one-hot levels of employment.
    expect(f4['features.count']).toBe(10);
    for (const f of ['train.parquet', 'test.parquet', 'feature_pipeline.json', 'feature_importance.json']) {
      expect(existsSync(join(dataDir('004'), f)), f).toBe(true);
    }
    const lineage = JSON.parse(readFileSync(join(project.dir, '.context', 'data_lineage.json'), 'utf8'));
    expect(lineage.feature_provenance.credit_utilization.formula).toContain('total_balance / credit_limit');
    expect(lineage.feature_provenance.credit_utilization.source_features).toEqual(['credit_limit', 'total_balance']);
    const plan = JSON.parse(readFileSync(join(project.dir, project.ir.epochs[0]!.dir, 'success_criteria.json'), 'utf8'));
    expect(plan['005'].rules.map((r: { fact: string }) => r.fact)).toContain('metric.f1_score');
  });

  it('tracked every epoch in the local MLflow store (experiment from the IR)', async () => {
    const script = `
import json, mlflow
mlflow.set_tracking_uri("sqlite:///mlruns.db")
runs = mlflow.search_runs(experiment_names=["credit_risk_data"], output_format="list")
print(json.dumps(sorted(r.info.run_name for r in runs)))`;
    const r = await runPythonAsync(project.dir, ['-c', script]);
    expect(r.status, describeRun(r)).toBe(0);
    const names = JSON.parse(r.stdout.trim().split('\n').pop()!) as string[];
    for (const id of EPOCHS) expect(names.some((n) => n.startsWith(`epoch${id}`)), `run of ${id} in ${names}`).toBe(true);
  });

  it('synthetic data does not depend on chunk size (rerun of 002 with other chunks)', async () => {
    const file = join(dataDir('002'), 'synthetic_data.parquet');
    const before = await runPythonAsync(project.dir, ['-c', DIGEST, file]);
    expect(before.status, describeRun(before)).toBe(0);
    const dir = project.ir.epochs.find((e) => e.id === '002')!.dir;
    const rerun = await runPythonAsync(project.dir, [`${dir}/scripts/run_epoch.py`], { ...FAST_ENV, PIPEC_CHUNK_ROWS: '700', PIPEC_RESUME: '0' });
    expect(rerun.status, describeRun(rerun)).toBe(0);
    expect(rerun.stdout).toContain(`Generated 700/${ROWS} rows`);
    const after = await runPythonAsync(project.dir, ['-c', DIGEST, file]);
    expect(after.stdout).toBe(before.stdout);
  });

  it('a killed 002 resumes from its checkpoint, keeps finished chunks and ends with the same data', async () => {
    const dir = project.ir.epochs.find((e) => e.id === '002')!.dir;
    const file = join(dataDir('002'), 'synthetic_data.parquet');
    const before = await runPythonAsync(project.dir, ['-c', DIGEST, file]);
    const env = { ...FAST_ENV, PIPEC_CHUNK_ROWS: '100', PIPEC_RESUME: '0' };
    // Kill the run hard once it has written half of its chunks (no cleanup runs, like a crashed workspace).
    const killed = await runUntil(project.dir, [`${dir}/scripts/run_epoch.py`], env, `Generated ${ROWS / 2}/${ROWS} rows`);
    expect(killed).toBe(true);
    expect(state().epochs['002'].status).toBe('running');
    const resumed = await runPythonAsync(project.dir, [`${dir}/scripts/run_epoch.py`], { ...env, PIPEC_RESUME: '1' });
    expect(resumed.status, describeRun(resumed)).toBe(0);
    expect(resumed.stdout).toMatch(/resuming generate at row \d+\/3000/);
    expect(resumed.stdout).not.toContain('Generated 100/3000 rows');
    const after = await runPythonAsync(project.dir, ['-c', DIGEST, file]);
    expect(after.stdout).toBe(before.stdout);
    expect(state().epochs['002'].status).toBe('completed');
  });

  it("the generated package's own pytest suite passes", { timeout: 600_000 }, async () => {
    const r = await runPythonAsync(project.dir, ['-m', 'pytest', '-p', 'no:cacheprovider'], ENV);
    expect(r.status, describeRun(r)).toBe(0);
    expect(r.stdout).toMatch(/\d+ passed/);
    expect(r.stdout).not.toMatch(/failed|error/);
  });

  it('the EDA notebook executes with nbclient and draws every figure', async () => {
    const nb = project.ir.epochs.find((e) => e.id === '003')!.dir + '/notebooks/eda.ipynb';
    const { run, result } = await executeNotebook(project.dir, nb);
    expect(run.status, describeRun(run)).toBe(0);
    expect(result!.errors).toEqual([]);
    expect(result!.images).toBe(5);
  });

  it('the planning, data wrangling and feature engineering notebooks execute on the epochs\' outputs', async () => {
    const notebooks = [['001', 'planning.ipynb'], ['002', 'data_wrangling.ipynb'], ['004', 'feature_engineering.ipynb']] as const;
    for (const [id, file] of notebooks) {
      const nb = `${project.ir.epochs.find((e) => e.id === id)!.dir}/notebooks/${file}`;
      const { run, result } = await executeNotebook(project.dir, nb);
      expect(run.status, describeRun(run)).toBe(0);
      expect(result!.errors, nb).toEqual([]);
    }
  });
});

describe.runIf(hasPython())('a failing handoff gate', () => {
  it('stops epoch 002 with exit 1, the failed rule in state, and no completion flag', async () => {
    // 40% missing in one of 7 columns is about 5.7% of cells: over the stdlib's 5% rule.
    const ir = variantIr(fixtureIr(), (x) => {
      x.data.columns.find((c) => c.name === 'income')!.missing = 40;
    });
    const p = await generateProject(ir, undefined, partsNamed('project', 'runtime', 'package', 'epoch001', 'epoch002'));
    for (const id of ['001', '002']) {
      const dir = ir.epochs.find((e) => e.id === id)!.dir;
      const r = await runPythonAsync(p.dir, [`${dir}/scripts/run_epoch.py`], FAST_ENV);
      if (id === '001') {
        expect(r.status, describeRun(r)).toBe(0);
        continue;
      }
      expect(r.status, describeRun(r)).toBe(1);
      expect(r.stderr).toMatch(/error\[GateFailedError\]: epoch 002 gate failed: .*data\.missing/);
    }
    const s = JSON.parse(readFileSync(join(p.dir, '.context', 'pipeline_state.json'), 'utf8'));
    expect(s.epochs['002'].status).toBe('failed');
    expect(s.epoch_002_complete).toBe(false);
    const failed = s.epochs['002'].gate.results.filter((x: { passed: boolean }) => !x.passed).map((x: { fact: string }) => x.fact);
    expect(failed).toEqual(['data.missing']);
  });
});
