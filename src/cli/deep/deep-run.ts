/**
 * `pipec check --deep` for one checked spec with file data: build the request from the IR, answer it
 * from the cache or by running the runtime's deep check (the only process this verb spawns), and judge
 * the spec's metric gates against the intervals.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Diagnostic } from '../../diagnostics/types.js';
import { makeDiagnostic } from '../../diagnostics/make.js';
import type { Ir } from '../../ir/schema.js';
import { resolvePython } from '../../runner/python.js';
import { packageRoot } from '../load-stdlib.js';
import { dataFingerprint, deepCacheDir, deepCacheKey, readDeepCache, writeDeepCache } from './deep-cache.js';
import type { DeepGate, DeepReport, DeepRequest, DeepResult } from './deep-types.js';

/** Rows fitted at most: enough for stable 5-fold means, small enough for 20 s on two cores. */
export const DEEP_SAMPLE_ROWS = 20_000;
/** The longest a deep check may run before it is reported as failed. */
const DEEP_TIMEOUT_MS = 300_000;

/** The request for a spec at `specPath` whose IR has file data, or null for synthetic data. */
export function deepRequest(ir: Ir, specPath: string): DeepRequest | null {
  if (ir.data.kind !== 'file') return null;
  return {
    path: resolve(dirname(specPath), ir.data.path),
    format: ir.data.format,
    target: ir.data.target.name,
    problem: ir.project.problem,
    primary: ir.project.metric,
    seed: ir.features.split.seed,
    sample_rows: DEEP_SAMPLE_ROWS,
    folds: ir.models.tune?.cvFolds ?? 5,
    test_percent: ir.features.split.testPercent,
  };
}

/** The spec's metric gates against the intervals: likely (all of it passes), unlikely (none), uncertain. */
export function judgeDeep(ir: Ir, result: DeepResult): DeepGate[] {
  const out: DeepGate[] = [];
  for (const e of ir.epochs) {
    for (const g of e.gate) {
      const m = g.fact.startsWith('metric.') ? result.metrics[g.fact.slice('metric.'.length)] : undefined;
      if (!m || typeof g.value !== 'number') continue;
      const v = g.value;
      const passes = (x: number): boolean | null =>
        g.op === '>=' ? x >= v : g.op === '>' ? x > v : g.op === '<=' ? x <= v : g.op === '<' ? x < v : null;
      const atLow = passes(m.low);
      const atHigh = passes(m.high);
      if (atLow === null || atHigh === null) continue;
      const verdict = atLow && atHigh ? 'likely' : !atLow && !atHigh ? 'unlikely' : 'uncertain';
      out.push({ rule: g.id, fact: g.fact, op: g.op, value: v, expected: m.expected, low: m.low, high: m.high, verdict });
    }
  }
  return out;
}

/** Run the runtime's deep check; a failure is a message, never a stack trace. */
function runRuntime(req: DeepRequest, python: string, runtimeDir: string): DeepResult | { error: string } {
  const r = spawnSync(python, ['-m', 'pipec_runtime.deep_check'], {
    input: JSON.stringify(req),
    encoding: 'utf8',
    timeout: DEEP_TIMEOUT_MS,
    maxBuffer: 16 * 1024 * 1024,
    // One OpenMP thread unless the user says otherwise: the boosters' spinning threads made a 2-second
    // fit take 30 s on a busy two-core machine, and the sample is small enough for one core.
    env: { ...process.env, PYTHONPATH: runtimeDir, PYTHONDONTWRITEBYTECODE: '1', OMP_NUM_THREADS: process.env.OMP_NUM_THREADS ?? '1' },
  });
  if (r.error) return { error: `cannot run ${python}: ${r.error.message}` };
  const last = r.stdout.trim().split('\n').pop() ?? '';
  try {
    const parsed = JSON.parse(last) as DeepResult | { error: string };
    if ('error' in parsed) return parsed;
    if (r.status === 0) return parsed;
  } catch {
    // fall through: the process died before printing its answer
  }
  const why = r.stderr.trim().split('\n').pop() ?? `exit ${r.status}`;
  return { error: `the deep check failed (${why})` };
}

/** Deep-check one spec: its report, or a PC9301 diagnostic saying why nothing was measured. */
export function deepCheck(ir: Ir, specPath: string, opts: { python?: string } = {}): DeepReport | Diagnostic | null {
  const req = deepRequest(ir, specPath);
  if (req === null) return null;
  const fail = (message: string): Diagnostic => makeDiagnostic({
    code: 'PC9301', file: specPath, message, hint: 'fix the data file or the Python environment, or run `pipec check` without --deep',
  });
  if (!existsSync(req.path)) return fail(`deep check could not run: data file ${JSON.stringify(ir.data.kind === 'file' ? ir.data.path : req.path)} not found`);
  const runtimeDir = join(packageRoot(), 'runtime', 'python');
  const script = readFileSync(join(runtimeDir, 'pipec_runtime', 'deep_check.py'), 'utf8');
  const dir = deepCacheDir();
  const key = deepCacheKey(req, dataFingerprint(req.path), script);
  const cached = readDeepCache(dir, key);
  if (cached) return { cached: true, result: cached, gates: judgeDeep(ir, cached) };
  let python: string;
  try {
    // The interpreter rule of `pipec run`: --python, PIPEC_PYTHON, .venv beside the spec, pipec's .venv, python3.
    python = resolvePython(resolve(dirname(specPath)), opts.python).python;
  } catch (err) {
    return fail(`deep check could not run: ${(err as Error).message}`);
  }
  const result = runRuntime(req, python, runtimeDir);
  if ('error' in result) return fail(`deep check could not run: ${result.error}`);
  writeDeepCache(dir, key, result);
  return { cached: false, result, gates: judgeDeep(ir, result) };
}
