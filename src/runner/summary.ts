/**
 * The closing summary of `pipec run`: the key metrics the epochs recorded and the exact commands that
 * open what the run produced (the Streamlit app, the model API, the MLflow UI), for the project and
 * interpreter this run used. Only commands whose files exist are printed.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import type { Ir } from '../ir/schema.js';
import type { PipelineState } from './project.js';

/** How many metrics the summary shows. */
const MAX_METRICS = 6;

/** A shell word, quoted only when it needs to be. */
function sh(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `metric.*` facts of the last epoch (in IR order) that recorded any, as `name value` pairs. */
export function keyMetrics(ir: Ir, state: PipelineState): { epoch: string; metrics: [string, number][] } | null {
  for (const e of [...ir.epochs].reverse()) {
    const facts = state.epochs[e.id]?.facts ?? {};
    const metrics = Object.entries(facts)
      .filter((kv): kv is [string, number] => kv[0].startsWith('metric.') && typeof kv[1] === 'number')
      .map(([k, v]): [string, number] => [k.slice('metric.'.length), v]);
    if (metrics.length > 0) {
      const primary = metrics.findIndex(([k]) => k === ir.project.metric);
      if (primary > 0) metrics.unshift(...metrics.splice(primary, 1));
      return { epoch: e.id, metrics: metrics.slice(0, MAX_METRICS) };
    }
  }
  return null;
}

/** The summary lines (printed after `done:`); `cwd` makes the paths in the commands relative. */
export function closingSummary(ir: Ir, state: PipelineState, root: string, python: string, cwd: string): string[] {
  const lines: string[] = [];
  const key = keyMetrics(ir, state);
  if (key) {
    const shown = key.metrics.map(([k, v]) => `${k} ${Number.isInteger(v) ? v : v.toFixed(4)}`).join(' · ');
    lines.push(`key metrics (epoch ${key.epoch}): ${shown}`);
  }
  // Relative when the project is below the working folder, else absolute (no `../../..` chains).
  const below = relative(cwd, root);
  const rel = below === '' ? '.' : below.startsWith('..') || isAbsolute(below) ? root : below;
  const py = sh(python);
  const app = ir.epochs.map((e) => join(e.dir, 'app', 'app.sh')).find((p) => existsSync(join(root, p)));
  const pkg = ir.project.name;
  const commands: string[] = [];
  if (app) commands.push(`  app:       bash ${sh(join(rel, app))}    # http://localhost:8888`);
  if (existsSync(join(root, 'src', pkg, 'serving.py'))) {
    commands.push(`  API:       (cd ${sh(rel)} && PYTHONPATH=src ${py} -m ${pkg}.serving)    # http://127.0.0.1:8000/docs`);
  }
  if (existsSync(join(root, 'mlruns.db'))) {
    commands.push(`  MLflow UI: ${py} -m mlflow ui --backend-store-uri ${sh(`sqlite:///${join(root, 'mlruns.db')}`)} --port 5000    # http://localhost:5000`);
  }
  if (commands.length > 0) lines.push('open what this run produced:', ...commands);
  lines.push(`library output of each epoch: ${sh(join(rel, '.context', 'logs'))}/epochNNN.log (pipec run --verbose shows it live)`);
  return lines;
}
