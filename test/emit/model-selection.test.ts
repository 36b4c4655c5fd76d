/**
 * Epoch 005 of the generated credit-risk project, run for real on one small project (1,500 rows,
 * random forest + logistic regression, budget 12): the test rows never influence a choice, killing
 * `pipec run` during tuning and resuming with `pipec run --resume` redoes at most the interrupted round, and a model that fails its gate gets no
 * registry version. Epochs 001-004 run once; each case runs 005 in its own copy of that state.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pidtree from 'pidtree';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ir } from '../../src/ir/schema.js';
import {
  compileExample,
  describeRun,
  generateProject,
  hasPython,
  PYTHON,
  REPO_ROOT,
  runPython,
  runPythonAsync,
  variantIr,
  type GeneratedProject,
} from '../helpers/generate-project.js';

const py = hasPython();
const TIMEOUT = 900_000;

function shrink(v: Ir): void {
  v.models.baselines = v.models.baselines.filter((b) => ['sklearn.logistic_regression', 'sklearn.random_forest'].includes(b.id));
  // Tuning the forest (not the best baseline) keeps every halving round long enough to be interrupted.
  v.models.tune = { ...v.models.tune!, target: 'sklearn.random_forest', budgetTrials: 12, cvFolds: 3 };
}

function env(ir: Ir): Record<string, string> {
  const reviews = ir.epochs.filter((e) => e.review).map((e) => e.id);
  return { PIPEC_ROWS: '1500', PIPEC_APPROVE: reviews.join(','), PIPEC_N_JOBS: '1' };
}

const readJson = (p: string): any => JSON.parse(readFileSync(p, 'utf8'));

describe.skipIf(!py)('epoch 005: honest selection, resume inside tuning, registration only past the gate', () => {
  let base: GeneratedProject;
  let root: string;
  const copies: string[] = [];
  const dir005 = () => base.ir.epochs.find((e) => e.id === '005')!.dir;
  const art = (project: string, file: string) => join(project, 'artifacts', dir005(), file);
  const run005 = (project: string) => runPythonAsync(project, [`${dir005()}/scripts/run_epoch.py`], env(base.ir), TIMEOUT);

  /** A copy of the project as it was after epoch 004 (data, state, MLflow store). */
  function copyBefore005(name: string): string {
    const dest = join(root, name);
    cpSync(base.dir, dest, { recursive: true });
    copies.push(dest);
    return dest;
  }

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'pipec-005-'));
    base = await generateProject(variantIr(await compileExample('credit-risk'), shrink), join(root, 'base'));
    for (const epoch of base.ir.epochs.filter((e) => e.id < '005')) {
      const r = await runPythonAsync(base.dir, [`${epoch.dir}/scripts/run_epoch.py`], env(base.ir), TIMEOUT);
      expect(r.status, `epoch ${epoch.id}\n${describeRun(r)}`).toBe(0);
    }
  }, TIMEOUT);

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('permuting the test labels changes no choice: ranking, tuning, tuned-vs-baseline and threshold', async () => {
    const [a, b] = [copyBefore005('a'), copyBefore005('b')];
    const testRaw = join('data', base.ir.project.name, base.ir.epochs.find((e) => e.id === '004')!.dir, 'test_raw.parquet');
    const permute = [
      'import sys, numpy as np, pandas as pd',
      'f = pd.read_parquet(sys.argv[1])',
      `t = ${JSON.stringify(base.ir.data.target.name)}`,
      'f[t] = np.random.default_rng(7).permutation(f[t].to_numpy())',
      'f.to_parquet(sys.argv[1], index=False)',
    ].join('\n');
    const p = runPython(b, ['-c', permute, testRaw]);
    expect(p.status, describeRun(p)).toBe(0);
    for (const project of [a, b]) {
      const r = await run005(project);
      // The permuted copy may fail its metric gate: the choices are compared either way.
      expect(r.stdout, describeRun(r)).toContain('tuning round');
    }
    const choices = (project: string) => {
      const comparison = readJson(art(project, 'model_comparison.json'));
      const tuning = readJson(art(project, 'tuning_summary.json'));
      const info = readJson(art(project, 'best_model_info.json'));
      return {
        ranking: comparison.models.map((m: Record<string, unknown>) => ({ ...m, cv_seconds: 0 })),
        tuning: { ...tuning, seconds: 0 },
        final: { model: info.model, params: info.params, threshold: info.threshold, cv: info.cv_metrics },
      };
    };
    expect(choices(b)).toEqual(choices(a));
    // The test rows are scored: permuting their labels moves the reported score.
    const metric = base.ir.project.metric;
    expect(readJson(art(b, 'best_model_info.json')).metrics[metric]).not.toBeCloseTo(readJson(art(a, 'best_model_info.json')).metrics[metric], 3);
  }, TIMEOUT);

  it('killing the `pipec run` process tree during tuning, then `pipec run --resume`, redoes at most one halving round', async () => {
    const c = copyBefore005('c');
    const rounds = join(art(c, 'tuning_rounds'));
    const cli = (args: string[], detached: boolean) => spawn(process.execPath, [join(REPO_ROOT, 'bin', 'pipec.js'), 'run', c, ...args,
      '--only', '005', '--yes', '--python', PYTHON], { cwd: c, env: { ...process.env, ...env(base.ir) }, stdio: 'pipe', detached });
    // The whole tree a user's kill -9 (or a lost machine) takes down: pipec run, the epoch, its workers.
    const run = cli([], true);
    const exited = new Promise<number | null>((ok) => run.on('exit', (code) => ok(code)));
    let finishedAtKill = -1;
    for (let i = 0; i < 6000 && finishedAtKill < 0; i++) {
      const done = existsSync(rounds) ? readdirSync(rounds).filter((f) => /^round_\d+\.json$/.test(f)).length : 0;
      if (done >= 1) {
        const tree = await pidtree(run.pid!, { root: true });
        for (const pid of tree.reverse()) try { process.kill(pid, 'SIGKILL'); } catch { /* already gone */ }
        finishedAtKill = done;
      } else await new Promise((r) => setTimeout(r, 100));
    }
    await exited;
    expect(finishedAtKill).toBeGreaterThanOrEqual(1);
    const resumedRun = cli(['--resume'], false);
    let out = '';
    resumedRun.stdout!.on('data', (d) => { out += String(d); });
    resumedRun.stderr!.on('data', (d) => { out += String(d); });
    const code = await new Promise<number | null>((ok) => resumedRun.on('exit', (k) => ok(k)));
    expect(code, out).toBe(0);
    // The runner resumed inside 005 from its checkpoint: the finished baselines step is not redone.
    expect(out).toContain('step baselines: done before, skipped');
    expect(out).not.toMatch(/baseline [\w.]+: (CV |fold \d)/);
    const reused = out.match(/tuning round \d+\/\d+: done before, reused/g) ?? [];
    const redone = out.match(/tuning round \d+\/\d+: \d+ candidates on/g) ?? [];
    const summary = readJson(art(c, 'tuning_summary.json'));
    // Every round finished at the kill is reused (at least that many: one may have finished as the kill landed).
    expect(reused.length).toBeGreaterThanOrEqual(finishedAtKill);
    expect(reused.length + redone.length).toBe(summary.rounds);
    expect(redone.length).toBeLessThanOrEqual(summary.rounds - finishedAtKill);
    // The reported tuning time covers the rounds of both runs, not only the resumed one's.
    const roundSeconds = readdirSync(rounds).filter((f) => f.endsWith('.json'))
      .reduce((t, f) => t + readJson(join(rounds, f)).seconds, 0);
    expect(summary.seconds).toBeGreaterThanOrEqual(roundSeconds * 0.999);
  }, TIMEOUT);

  it('a candidate that fails its gate is logged with its failed rules and gets no registry version', async () => {
    const d = copyBefore005('d');
    const strict = variantIr(base.ir, (v) => {
      for (const e of v.epochs) for (const g of e.gate) if (g.fact === `metric.${v.project.metric}`) g.value = 0.999;
    });
    const rules = (await generateProject(strict, join(root, 'strict'))).files.find((f) => f.path === '.context/gate_rules.json');
    expect(rules).toBeDefined();
    cpSync(join(root, 'strict', '.context', 'gate_rules.json'), join(d, '.context', 'gate_rules.json'));
    const r = await run005(d);
    expect(r.status, describeRun(r)).toBe(1);
    expect(r.stderr + r.stdout).toMatch(/not registered: rule 005:\d+ metric\.f1_score >= 0\.999 failed/);
    const script = [
      'import json, mlflow',
      'from mlflow import MlflowClient',
      "mlflow.set_tracking_uri('sqlite:///mlruns.db')",
      'c = MlflowClient()',
      `versions = c.search_model_versions("name = '${base.ir.project.name}_model'")`,
      `exp = c.get_experiment_by_name('${base.ir.project.name}_model')`,
      "runs = [r for r in c.search_runs([exp.experiment_id]) if r.info.run_name == 'final_model']",
      'print(json.dumps({"versions": len(versions), "tags": [r.data.tags for r in runs]}))',
    ].join('\n');
    const q = runPython(d, ['-c', script]);
    expect(q.status, describeRun(q)).toBe(0);
    const out = JSON.parse(q.stdout.trim().split('\n').pop() as string);
    expect(out.versions).toBe(0);
    expect(out.tags).toHaveLength(1);
    expect(out.tags[0]['gate.passed']).toBe('false');
    expect(out.tags[0]['gate.failed_rules']).toContain('metric.f1_score');
    expect(readJson(art(d, 'best_model_info.json')).registered).toBeNull();
  }, TIMEOUT);
});
