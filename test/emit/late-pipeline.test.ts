/**
 * End-to-end run of the generated credit-risk project with the pinned Python: epochs 001-008 for real
 * at 3,000 rows, then the artifacts, MLflow runs and registry aliases, the API over real HTTP from
 * another process, the app check, the retrospective, the generated pytest suite and the late epochs'
 * notebooks (nbclient). One generated project for the whole file keeps the CI cost bounded.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compileExample,
  describeRun,
  generateProject,
  hasPython,
  PYTHON,
  runPython,
  runPythonAsync,
  variantIr,
  type GeneratedProject,
} from '../helpers/generate-project.js';
import { expectBelowOracle } from '../helpers/oracle.js';

const ROWS = '3000';
const EPOCH_TIMEOUT_MS = 540_000;

/** Reviews are approved up front (no TTY in tests); the runtime fails closed otherwise. */
function env(project: GeneratedProject): Record<string, string> {
  const reviews = project.ir.epochs.filter((e) => e.review).map((e) => e.id);
  return { PIPEC_ROWS: ROWS, PIPEC_APPROVE: reviews.join(','), PIPEC_N_JOBS: '1', PIPEC_API_REQUESTS: '40' };
}

function readJson(path: string): any {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

const py = hasPython();

describe.skipIf(!py)('generated credit-risk project, epochs 001-008 run for real', () => {
  let project: GeneratedProject;
  let art: (epochDir: string, file: string) => string;
  const dirOf = (id: string) => project.ir.epochs.find((e) => e.id === id)?.dir ?? '';

  beforeAll(async () => {
    // The real example, compiled by checkSpec: what a user gets from `pipec compile`.
    const base = await compileExample('credit-risk');
    // The latency objective (100 ms) is a property of the deployment hardware; the shared CI box runs
    // other suites at the same time, so the gate is widened here and the measured p95 asserted below.
    const ir = variantIr(base, (v) => {
      if (v.deploy.api) v.deploy.api.latencyP95Seconds = 2;
      for (const e of v.epochs) for (const g of e.gate) if (g.fact === 'api.latency_p95') g.value = 2;
    });
    project = await generateProject(ir);
    art = (epochDir, file) => join(project.dir, 'artifacts', epochDir, file);
  });

  it('runs every epoch to completion with its gate passing', async () => {
    for (const epoch of project.ir.epochs) {
      const r = await runPythonAsync(project.dir, [`${epoch.dir}/scripts/run_epoch.py`], env(project), EPOCH_TIMEOUT_MS);
      expect(r.status, `epoch ${epoch.id}\n${describeRun(r)}`).toBe(0);
    }
    const state = readJson(join(project.dir, '.context', 'pipeline_state.json'));
    for (const epoch of project.ir.epochs) {
      expect(state.epochs[epoch.id].status, epoch.id).toBe('completed');
      expect(state.epochs[epoch.id].gate.passed, epoch.id).toBe(true);
    }
  }, 2_400_000);

  it('005: baselines for every listed framework, budgeted tuning, model info with all metrics', () => {
    const dir = dirOf('005');
    const comparison = readJson(art(dir, 'model_comparison.json'));
    const trained = comparison.models.map((m: { model: string }) => m.model).sort();
    const listed = project.ir.models.baselines.map((b) => b.id);
    for (const id of listed) {
      if (id === 'pytorch.mlp' || id === 'tensorflow.mlp') expect(comparison.skipped[id]).toMatch(/not installed/);
      else expect(trained).toContain(id);
    }
    const info = readJson(art(dir, 'best_model_info.json'));
    expect(Object.keys(info.metrics).sort()).toEqual(expect.arrayContaining([...project.ir.project.metrics].sort()));
    expect(info.registered.name).toBe(`${project.ir.project.name}_model`);
    const tuning = readJson(art(dir, 'tuning_summary.json'));
    const tune = project.ir.models.tune!;
    expect(tuning.tuned).toBe(true);
    expect(tuning.candidates_evaluated).toBeLessThanOrEqual(tune.budgetTrials);
    expect(tuning.fits).toBe(tuning.candidates_evaluated * tune.cvFolds + 1);
    for (const png of ['model_comparison.png', 'tuning_trials.png', 'diagnostics.png']) expect(existsSync(art(dir, png)), png).toBe(true);
    const facts = readJson(join(project.dir, '.context', 'pipeline_state.json')).epochs['005'].facts;
    expect(facts[`metric.${project.ir.project.metric}`]).toBeCloseTo(info.metrics[project.ir.project.metric], 9);
  });

  it('005: the final test metrics lie below the oracle (the generating formula, scored at this row count)', () => {
    const info = readJson(art(dirOf('005'), 'best_model_info.json'));
    expectBelowOracle(project.ir, Number(ROWS), info.metrics);
  });

  it('MLflow: nested runs per model and tuning, registered model with aliases staging and production', () => {
    const script = [
      'import json, mlflow',
      'from mlflow import MlflowClient',
      "mlflow.set_tracking_uri('sqlite:///mlruns.db')",
      'c = MlflowClient()',
      `exp = c.get_experiment_by_name(${JSON.stringify(`${project.ir.project.name}_model`)})`,
      'runs = c.search_runs([exp.experiment_id], max_results=1000)',
      "names = sorted(r.info.run_name for r in runs if 'mlflow.parentRunId' in r.data.tags)",
      `m = c.get_registered_model(${JSON.stringify(`${project.ir.project.name}_model`)})`,
      'print(json.dumps({"nested": names, "aliases": dict(m.aliases)}))',
    ].join('\n');
    const r = runPython(project.dir, ['-c', script], env(project));
    expect(r.status, describeRun(r)).toBe(0);
    const out = JSON.parse(r.stdout.trim().split('\n').pop() as string);
    expect(out.nested).toEqual(expect.arrayContaining(['baseline_sklearn.logistic_regression', 'baseline_xgboost', 'baseline_lightgbm']));
    expect(out.nested.some((n: string) => n.startsWith('tuning_'))).toBe(true);
    expect(Object.keys(out.aliases).sort()).toEqual(['production', 'staging']);
  });

  it('006: edge cases, robustness and compliance recorded', () => {
    const facts = readJson(join(project.dir, '.context', 'pipeline_state.json')).epochs['006'].facts;
    expect(facts['robustness.stability']).toBeGreaterThanOrEqual(95);
    expect(facts['compliance.validated']).toBe(true);
    const edge = readJson(art(dirOf('006'), 'edge_cases.json'));
    expect(edge.map((e: { case: string }) => e.case)).toEqual(expect.arrayContaining(['all_missing', 'far_above_range', 'empty', 'single_row']));
    expect(edge.every((e: { passed: boolean }) => e.passed)).toBe(true);
  });

  it('007: latency self-test, app checked by AppTest, monitoring configured', () => {
    const dir = dirOf('007');
    const latency = readJson(art(dir, 'api_latency.json'));
    expect(latency.healthy).toBe(true);
    expect(latency.errors).toBe(0);
    expect(latency.p95).toBeGreaterThan(0);
    expect(latency.p95).toBeLessThan(2);
    const app = readJson(art(dir, 'app_test.json'));
    expect(app.exceptions).toEqual([]);
    expect(app.functional).toBe(true);
    expect(app.titles).toEqual([project.ir.deploy.app?.title]);
    expect(existsSync(art(dir, 'monitoring.json'))).toBe(true);
  });

  describe('the model API as its own process', () => {
    let child: ChildProcess | undefined;
    afterAll(() => {
      child?.kill('SIGTERM');
    });

    it('answers /health and /predict over loopback HTTP', async () => {
      const port = await freePort();
      child = spawn(PYTHON, [`${dirOf('007')}/scripts/model_api.py`], {
        cwd: project.dir,
        env: { ...process.env, PYTHONPATH: 'src', PORT: String(port), HOST: '127.0.0.1', DOMINO_PROJECT_NAME: '', DOMINO_RUN_ID: '' },
        stdio: 'ignore',
      });
      const base = `http://127.0.0.1:${port}`;
      let health: any;
      for (let i = 0; i < 240 && !health; i++) {
        try {
          health = await (await fetch(`${base}/health`)).json();
        } catch {
          await new Promise((r) => setTimeout(r, 500));
        }
      }
      expect(health?.status).toBe('ok');
      expect(health.alias).toBe('production');
      const sample = Object.fromEntries((health.features as string[]).map((f) => [f, 0.5]));
      const resp = await fetch(`${base}${project.ir.deploy.api?.path ?? '/predict'}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ records: [sample, { ...sample, [health.features[0]]: null }] }),
      });
      expect(resp.status).toBe(200);
      const body = await resp.json();
      expect(body.predictions).toHaveLength(2);
      expect(body.probabilities[0]).toBeTypeOf('object');
      const bad = await fetch(`${base}${project.ir.deploy.api?.path ?? '/predict'}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ records: [{ no_such_feature: 1 }] }),
      });
      expect(bad.status).toBe(422);
    }, 180_000);
  });

  it('008: retrospective report, playbook, plots and lessons learned', () => {
    const dir = dirOf('008');
    const retro = readJson(art(dir, 'retrospective.json'));
    expect(retro.epochs.map((e: { epoch: string }) => e.epoch)).toEqual(project.ir.epochs.filter((e) => e.id !== '008').map((e) => e.id));
    expect(retro.epochs.every((e: { status: string; actual_minutes: number }) => e.status === 'completed' && e.actual_minutes > 0)).toBe(true);
    expect(retro.gates.length).toBeGreaterThan(0);
    expect(retro.mlflow.registry.aliases).toHaveProperty('production');
    const md = readFileSync(art(dir, 'retrospective.md'), 'utf8');
    expect(md).toContain('## Estimates vs actuals');
    for (const f of ['playbook.json', 'playbook.md', 'timeline.png', 'gate_history.png', 'resource_utilization.json']) {
      expect(existsSync(art(dir, f)), f).toBe(true);
    }
    const lessons = readdirSync(join(project.dir, dir, 'lessons_learned'));
    expect(lessons.length).toBeGreaterThan(1);
  });

  it("the generated project's pytest suite passes after the run", async () => {
    const r = await runPythonAsync(project.dir, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', `src/${project.ir.project.name}/tests`], {}, 600_000);
    expect(r.status, describeRun(r)).toBe(0);
  }, 600_000);

  it('the notebooks of epochs 005-008 are valid nbformat and execute with nbclient', async () => {
    const notebooks = project.files
      .map((f) => f.path)
      .filter((p) => p.endsWith('.ipynb') && ['005', '006', '007', '008'].some((id) => p.startsWith(`${dirOf(id)}/`)));
    expect(notebooks).toHaveLength(4);
    const script = [
      'import sys, nbformat',
      'from pathlib import Path',
      'from nbclient import NotebookClient',
      'for p in sys.argv[1:]:',
      '    nb = nbformat.read(p, as_version=4)',
      '    nbformat.validate(nb)',
      "    NotebookClient(nb, timeout=300, kernel_name='python3', resources={'metadata': {'path': str(Path(p).parent)}}).execute()",
      "    print('executed', p)",
    ].join('\n');
    const r = await runPythonAsync(project.dir, ['-c', script, ...notebooks], {}, 900_000);
    expect(r.status, describeRun(r)).toBe(0);
    expect(r.stdout.match(/^executed /gm)).toHaveLength(4);
  }, 900_000);
});
