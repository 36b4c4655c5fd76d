/**
 * End-to-end run of the generated credit-risk project with the pinned Python: epochs 001-008 for real
 * at 3,000 rows, then the artifacts, MLflow runs and registry aliases, the API over real HTTP from
 * another process, the app check, the retrospective, the generated pytest suite and the late epochs'
 * notebooks (nbclient). One generated project for the whole file keeps the CI cost bounded.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
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
import { hasBrowser } from '../helpers/browser.js';
import { expectWhatAPersonSees } from './browser-view.js';

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
      // A time budget (`tune ... within 2m`) bounds 005 on the loaded box, and runs the budget end to end.
      if (v.models.tune) v.models.tune.timeSeconds = 120;
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

  it('005: CV baselines for every listed framework, budgeted tuning, test rows scored once, model info', () => {
    const dir = dirOf('005');
    const comparison = readJson(art(dir, 'model_comparison.json'));
    const trained = comparison.models.map((m: { model: string }) => m.model).sort();
    const listed = project.ir.models.baselines.map((b) => b.id);
    for (const id of listed) {
      if (id === 'pytorch.mlp' || id === 'tensorflow.mlp') expect(comparison.skipped[id]).toMatch(/not installed/);
      else expect(trained).toContain(id);
    }
    expect(comparison.selection).toMatch(/cross-validation on the training rows/);
    const info = readJson(art(dir, 'best_model_info.json'));
    expect(Object.keys(info.metrics).sort()).toEqual(expect.arrayContaining([...project.ir.project.metrics].sort()));
    expect(info.registered.name).toBe(`${project.ir.project.name}_model`);
    expect(info.evaluated_on.test_rows).toBeGreaterThan(0);
    // f1_score is a threshold metric: the served threshold was chosen by cross-validation.
    expect(info.threshold).toBeGreaterThan(0);
    expect(info.input_schema.map((c: { name: string }) => c.name)).toEqual(info.features);
    const tuning = readJson(art(dir, 'tuning_summary.json'));
    const tune = project.ir.models.tune!;
    expect(tuning.tuned).toBe(true);
    expect(tuning.candidates_evaluated).toBeLessThanOrEqual(tune.budgetTrials);
    expect(tuning.fits).toBe(tuning.candidates_evaluated * tune.cvFolds);
    expect(tuning.time_budget_seconds).toBe(120);
    if (tuning.stopped) expect(tuning.stopped.reason).toMatch(/^time budget/);
    for (const png of ['model_comparison.png', 'tuning_trials.png', 'diagnostics.png']) expect(existsSync(art(dir, png)), png).toBe(true);
    const facts = readJson(join(project.dir, '.context', 'pipeline_state.json')).epochs['005'].facts;
    expect(facts[`metric.${project.ir.project.metric}`]).toBeCloseTo(info.metrics[project.ir.project.metric], 9);
  });

  it('005: the final test metrics lie below the oracle (the generating formula, scored at this row count)', () => {
    const info = readJson(art(dirOf('005'), 'best_model_info.json'));
    expectBelowOracle(project.ir, Number(ROWS), info.metrics);
  });

  it('MLflow: nested runs per model and tuning, registered model with aliases staging and production, dataset inputs linking the epochs', () => {
    const script = [
      'import json, mlflow',
      'from mlflow import MlflowClient',
      "mlflow.set_tracking_uri('sqlite:///mlruns.db')",
      'c = MlflowClient()',
      `exp = c.get_experiment_by_name(${JSON.stringify(`${project.ir.project.name}_model`)})`,
      'runs = c.search_runs([exp.experiment_id], max_results=1000)',
      "names = sorted(r.info.run_name for r in runs if 'mlflow.parentRunId' in r.data.tags)",
      `m = c.get_registered_model(${JSON.stringify(`${project.ir.project.name}_model`)})`,
      // Each epoch's latest top-level run and the datasets it logged (name, digest, context).
      'inputs = {}',
      "for r in c.search_runs([e.experiment_id for e in c.search_experiments()], max_results=1000, order_by=['attributes.start_time DESC']):",
      "    epoch = r.data.tags.get('pipec.epoch')",
      "    if 'mlflow.parentRunId' not in r.data.tags and epoch and epoch not in inputs:",
      "        inputs[epoch] = {next((t.value for t in d.tags if t.key == 'mlflow.data.context'), ''): [d.dataset.name, d.dataset.digest] for d in (r.inputs.dataset_inputs if r.inputs else [])}",
      'print(json.dumps({"nested": names, "aliases": dict(m.aliases), "inputs": inputs}))',
    ].join('\n');
    const r = runPython(project.dir, ['-c', script], env(project));
    expect(r.status, describeRun(r)).toBe(0);
    const out = JSON.parse(r.stdout.trim().split('\n').pop() as string);
    expect(out.nested).toEqual(expect.arrayContaining(['baseline_sklearn.logistic_regression', 'baseline_xgboost', 'baseline_lightgbm']));
    expect(out.nested.some((n: string) => n.startsWith('tuning_'))).toBe(true);
    expect(Object.keys(out.aliases).sort()).toEqual(['candidate', 'production', 'staging']);
    // Dataset inputs per epoch: the runs that read the same rows share a digest, so MLflow's lineage view links them.
    const inputs = out.inputs as Record<string, Record<string, [string, string]>>;
    expect(inputs['003']?.eda?.[0]).toBe('synthetic_data.parquet');
    expect(inputs['004']?.features).toEqual(inputs['003']?.eda);
    expect(inputs['005']?.training?.[0]).toBe('train_raw.parquet');
    expect(inputs['006']?.testing).toEqual(inputs['005']?.testing);
    expect(inputs['007']?.drift_reference).toEqual(inputs['005']?.training);
  });

  it('006: edge cases through the serving path all meet their expected outcome; measured facts', () => {
    const facts = readJson(join(project.dir, '.context', 'pipeline_state.json')).epochs['006'].facts;
    expect(facts['robustness.stability']).toBeGreaterThanOrEqual(95);
    expect(facts['compliance.validated']).toBe(true);
    expect(facts['edge_cases.failed']).toBe(0);
    expect(facts['calibration.brier']).toBeGreaterThan(0);
    expect(facts['calibration.ece']).toBeGreaterThanOrEqual(0);
    const edge = readJson(art(dirOf('006'), 'edge_cases.json'));
    expect(edge.map((e: { case: string }) => e.case)).toEqual(
      expect.arrayContaining(['single_record', 'batch', 'empty_batch', 'empty_record', 'extra_field', 'unseen_category_employment', 'wrong_type_age', 'missing_income']),
    );
    expect(edge.filter((e: { status: number }) => e.status === 422).length).toBeGreaterThan(4);
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
    const monitoring = readJson(art(dir, 'monitoring.json'));
    expect(monitoring.request_log.served).toBeGreaterThan(0);
    expect(['stable', 'drift']).toContain(readJson(art(dir, 'drift_report.json')).status);
  });

  describe('the served model: the API, a fresh process and `mlflow models serve` agree on raw records', () => {
    const children: ChildProcess[] = [];
    afterAll(() => {
      for (const c of children) c.kill('SIGTERM');
    });
    const name = () => `${project.ir.project.name}_model`;
    const route = () => project.ir.deploy.api?.path ?? '/predict';
    let records: Record<string, unknown>[] = [];

    async function waitFor(url: string): Promise<any> {
      for (let i = 0; i < 360; i++) {
        try {
          const r = await fetch(url);
          if (r.ok) return r.json().catch(() => ({}));
        } catch {
          await new Promise((r) => setTimeout(r, 500));
        }
      }
      return undefined;
    }

    function startServer(args: string[], port: number, extra: Record<string, string> = {}): void {
      children.push(
        spawn(PYTHON, args, {
          cwd: project.dir,
          env: { ...process.env, PYTHONPATH: 'src', PORT: String(port), HOST: '127.0.0.1', DOMINO_PROJECT_NAME: '', DOMINO_RUN_ID: '', ...extra },
          stdio: 'ignore',
        }),
      );
    }

    beforeAll(() => {
      const script = [
        'import json',
        'from pathlib import Path',
        `from ${project.ir.project.name} import app_utils`,
        "frame = app_utils.load_sample(Path('.'), rows=40)",
        'print(json.dumps([{k: (None if isinstance(v, float) and v != v else v) for k, v in r.items()} for r in frame.to_dict(orient="records")]))',
      ].join('\n');
      const r = runPython(project.dir, ['-c', script], env(project));
      expect(r.status, describeRun(r)).toBe(0);
      records = JSON.parse(r.stdout.trim().split('\n').pop() as string);
    });

    it('the API serves production, refuses bad input with 422s naming the field, and a fresh process loading models:/<name>@production predicts the same', async () => {
      const port = await freePort();
      startServer([`${dirOf('007')}/scripts/model_api.py`], port, { PIPEC_REQUEST_LOG: join(project.dir, 'requests-test.sqlite') });
      const base = `http://127.0.0.1:${port}`;
      const health = await waitFor(`${base}/health`);
      expect(health?.status).toBe('ok');
      expect(health.alias).toBe('production');
      expect(health.model).toBe(name());
      const post = (path: string, body: unknown) =>
        fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const batch = await post(`${route()}/batch`, { records });
      expect(batch.status).toBe(200);
      const served = (await batch.json()).predictions;
      expect(served).toHaveLength(records.length);
      const one = await (await post(route(), records[0])).json();
      expect(one.prediction).toEqual(served[0]);
      expect(one.version).toBe(health.version);
      for (const [body, field] of [
        [{ ...records[0], age: 'abc' }, 'age'],
        [{ ...records[0], employment: 'astronaut' }, 'employment'],
        [{}, 'age'],
        [{ ...records[0], no_such_column: 1 }, 'no_such_column'],
      ] as const) {
        const bad = await post(route(), body);
        expect(bad.status).toBe(422);
        expect(JSON.stringify((await bad.json()).detail.map((d: { loc: unknown[] }) => d.loc))).toContain(`"${field}"`);
      }
      expect((await post(`${route()}/batch`, { records: [] })).status).toBe(422);
      // A fresh process with nothing but the registry: no project package on the path, another cwd.
      const fresh = [
        'import json, sys, mlflow, pandas as pd',
        `model = mlflow.sklearn.load_model("models:/${name()}@production")`,
        'records = json.loads(sys.stdin.read())',
        'frame = pd.DataFrame.from_records(records, columns=list(model.feature_names_in_))',
        'print(json.dumps([v.item() if hasattr(v, "item") else v for v in model.predict(frame)]))',
      ].join('\n');
      const r = spawnSync(PYTHON, ['-c', fresh], {
        cwd: tmpdir(),
        input: JSON.stringify(records),
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', MLFLOW_TRACKING_URI: `sqlite:///${join(project.dir, 'mlruns.db')}` },
      });
      expect(r.status, r.stderr.slice(-3000)).toBe(0);
      expect(JSON.parse(r.stdout.trim().split('\n').pop() as string)).toEqual(served);
    }, 240_000);

    it('`mlflow models serve -m models:/<name>@production` answers raw records like the API', async () => {
      const port = await freePort();
      const mlflowServe = spawn(PYTHON, ['-m', 'mlflow', 'models', 'serve', '-m', `models:/${name()}@production`, '--env-manager', 'local', '-h', '127.0.0.1', '-p', String(port)], {
        cwd: tmpdir(),
        // `mlflow models serve --env-manager local` starts `uvicorn` from PATH: the pinned environment's.
        env: { PATH: `${dirname(PYTHON)}:${process.env.PATH ?? ''}`, HOME: process.env.HOME ?? '', MLFLOW_TRACKING_URI: `sqlite:///${join(project.dir, 'mlruns.db')}` },
        stdio: 'ignore',
      });
      children.push(mlflowServe);
      expect(await waitFor(`http://127.0.0.1:${port}/ping`)).toBeDefined();
      const resp = await fetch(`http://127.0.0.1:${port}/invocations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ dataframe_records: records }),
      });
      expect(resp.status).toBe(200);
      const theirs = (await resp.json()).predictions;
      const script = [
        'import json, sys',
        'from pathlib import Path',
        `from ${project.ir.project.name} import app_utils, serving`,
        "print(json.dumps(serving.predict_records(app_utils.load_model(Path('.')), json.loads(sys.stdin.read()))['predictions']))",
      ].join('\n');
      const r = spawnSync(PYTHON, ['-c', script], { cwd: project.dir, input: JSON.stringify(records), encoding: 'utf8', env: { ...process.env, PYTHONPATH: 'src' } });
      expect(r.status, r.stderr.slice(-3000)).toBe(0);
      expect(theirs).toEqual(JSON.parse(r.stdout.trim().split('\n').pop() as string));
    }, 240_000);
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

  // Under CI the browser is installed by .ci/run: a missing one fails there instead of skipping.
  it.skipIf(!hasBrowser() && process.env.CI !== 'true')('in Chromium: the app, the MLflow UI and the HTML EDA report as a person sees them', async () => {
    const production = readJson(art(dirOf('008'), 'retrospective.json')).mlflow.registry.aliases.production;
    await expectWhatAPersonSees(project.dir, project.ir, String(production));
  }, 600_000);

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
