/**
 * `pipec run`: runs the epochs of a generated project in order, each as `<python> <dir>/scripts/run_epoch.py`
 * (cwd = project root, PYTHONPATH=src), with reviews obtained and prerequisites checked before each,
 * the process tree's memory and time limited, and every state change made through the runtime CLI.
 * Exit: 0 all selected epochs completed, 1 an epoch failed / was blocked / another run holds the lock,
 * 2 usage (thrown as RunUsageError).
 */
import { join } from 'node:path';
import type { Epoch, Ir } from '../ir/schema.js';
import { runChild, type ChildOutcome } from './child.js';
import { killTree } from './process-tree.js';
import { acquireRunLock, RunLockedError } from './lock.js';
import { formatBytes, formatElapsed, type RunOptions } from './options.js';
import { loadProject, readCheckpointPercent, readState, selectEpochs, type PipelineState } from './project.js';
import { resolvePython } from './python.js';
import { currentKeys } from './keys.js';
import { ancestorsOf, planSteps, type EpochStep } from './resume-plan.js';
import { readRecord } from './record.js';
import { recheckGate, recordAttempt } from './attempts.js';
import { closingSummary } from './summary.js';
import { callRuntime, checkRuntime, recordFailure, type PythonEnv } from './runtime-cli.js';

/** Where the runner writes; tests pass a collector, the CLI passes the process streams. */
export interface RunIo {
  out(line: string): void;
  err(line: string): void;
  /** Whether a human is at a terminal (review prompts allowed). */
  interactive: boolean;
}

export { ancestorsOf } from './resume-plan.js';

/**
 * Which selected epochs run, from the runtime's statuses alone (a project without a manifest):
 * all of them, or with --resume those not completed plus everything downstream of them.
 */
export function planEpochs(ir: Ir, selected: Epoch[], state: PipelineState, resume: boolean): { run: Epoch[]; skip: Epoch[] } {
  const steps = planSteps({ ir, selected, state, record: { version: 1, epochs: {} }, keys: null, resume });
  return { run: steps.filter((s) => s.action !== 'skip').map((s) => s.epoch), skip: steps.filter((s) => s.action === 'skip').map((s) => s.epoch) };
}

/** Run the pipeline; returns the exit code. Throws RunUsageError for usage problems. */
export async function runPipeline(opts: RunOptions, io: RunIo): Promise<number> {
  const { root, ir } = loadProject(opts.projectDir);
  const selected = selectEpochs(ir, opts);
  const choice = resolvePython(root, opts.python);
  const py: PythonEnv = { python: choice.python, via: choice.via, root };
  await checkRuntime(py);
  let release;
  try {
    release = await acquireRunLock(root);
  } catch (err) {
    if (err instanceof RunLockedError) {
      io.err(`error: ${err.message}`);
      return 1;
    }
    throw err;
  }
  // The epoch runs in its own process group, so Ctrl-C reaches only us: stop its tree, record it, exit 130.
  const interrupt = { pid: null as number | null, requested: false };
  const onSigint = () => {
    interrupt.requested = true;
    if (interrupt.pid !== null) void killTree(interrupt.pid);
  };
  process.on('SIGINT', onSigint);
  try {
    return await runLocked(ir, selected, py, opts, io, interrupt);
  } finally {
    process.off('SIGINT', onSigint);
    await release();
  }
}

/** Shared between the SIGINT handler and the loop. */
interface Interrupt {
  pid: number | null;
  requested: boolean;
}

async function runLocked(
  ir: Ir,
  selected: Epoch[],
  py: PythonEnv,
  opts: RunOptions,
  io: RunIo,
  interrupt: Interrupt,
): Promise<number> {
  const t0 = performance.now();
  const keys = currentKeys(py.root, ir);
  const steps = planSteps({ ir, selected, state: readState(py.root), record: readRecord(py.root), keys, resume: opts.resume });
  const skip = steps.filter((s) => s.action === 'skip');
  const todo = steps.filter((s) => s.action !== 'skip');
  for (const s of skip) io.out(`skip  ${s.epoch.id} ${s.epoch.name} (${s.detail})`);
  const maxMemory = opts.maxMemoryBytes ?? ir.limits.maxMemoryBytes;
  let ran = 0;
  let rechecked = 0;
  for (const [i, step] of todo.entries()) {
    const e = step.epoch;
    const tag = `[${i + 1}/${todo.length} ${e.id}]`;
    if (step.action === 'recheck-gate') {
      const failure = await recheckGate(step, py, keys?.[e.id], io, tag);
      rechecked++;
      if (failure) return 1;
      continue;
    }
    if (!(await ensureReviews(ir, e, py, opts, io))) return 1;
    const pre = await callRuntime(py, ['--json', 'prereq', e.id]);
    if (pre.code !== 0) {
      const missing = parseJson<{ missing?: string[]; error?: { message: string } }>(pre.stdout);
      const why = missing?.missing?.join('; ') ?? missing?.error?.message ?? pre.stderr.trim();
      io.err(`blocked ${e.id} ${e.name}: ${why}`);
      if (pre.code === 1) await recordFailure(py, e.id, 'DependencyError', `epoch ${e.id} cannot start: ${why}`, 'block');
      return 1;
    }
    // A checkpoint belongs to the code that wrote it: resume inside the epoch only when that code is unchanged.
    const resumeInside = opts.resume && step.resumeCheckpoint;
    const resumedFrom = resumeInside ? readCheckpointPercent(py.root, e.id) : null;
    io.out(`${tag} epoch ${e.id} ${e.name} — ${e.title} (estimate ${formatElapsed(e.estimate.minutes * 60)}; ${step.cause}: ${step.detail})`);
    const start = performance.now();
    const outcome = await runChild({
      python: py.python,
      root: py.root,
      script: join(e.dir, 'scripts', 'run_epoch.py'),
      env: {
        PIPEC_RESUME: resumeInside ? '1' : '0',
        PIPEC_PARENT_PID: String(process.pid),
        ...(opts.maxMemoryBytes ? { PIPEC_MAX_MEMORY_BYTES: String(opts.maxMemoryBytes) } : {}),
      },
      maxMemoryBytes: maxMemory,
      timeoutSeconds: opts.timeoutSeconds ?? e.timeoutSeconds,
      pollMs: opts.pollMs ?? 250,
      onStart: (pid) => {
        interrupt.pid = pid;
      },
      onLine: (line, stream) => {
        const text = `${tag} +${formatElapsed((performance.now() - start) / 1000)} │ ${line}`;
        if (stream === 'stdout') io.out(text);
        else io.err(text);
      },
    });
    interrupt.pid = null;
    ran++;
    const seconds = (performance.now() - start) / 1000;
    const elapsed = formatElapsed(seconds);
    const attempt = { step, kind: 'run' as const, resumedFromPercent: resumedFrom, elapsedSeconds: seconds };
    if (interrupt.requested) {
      await recordFailure(py, e.id, 'PipelineError', 'interrupted (Ctrl-C); rerun with --resume to continue');
      recordAttempt(py.root, { ...attempt, outcome: 'interrupted', error: 'interrupted (Ctrl-C)' }, keys?.[e.id]);
      io.err(`✘ ${e.id} ${e.name} interrupted after ${elapsed}; rerun with --resume to continue from its checkpoint`);
      return 130;
    }
    const failure = await settle(e, outcome, py);
    if (failure) {
      const crashed = outcome.kind !== 'exit' || (outcome.code !== 0 && outcome.code !== 1);
      recordAttempt(py.root, { ...attempt, outcome: crashed ? 'crashed' : 'failed', error: failure }, keys?.[e.id]);
      io.err(`✘ ${e.id} ${e.name} failed after ${elapsed}: ${failure}`);
      return 1;
    }
    recordAttempt(py.root, { ...attempt, outcome: 'completed', error: null }, keys?.[e.id]);
    const engine = readState(py.root).epochs[e.id]?.engine?.engine ?? 'pandas';
    io.out(`✔ ${e.id} ${e.name} completed in ${elapsed} on ${engine} (peak tree memory ${formatBytes(outcome.peakRss)})`);
  }
  const pending = pendingReviews(ir, readState(py.root));
  for (const p of pending) io.out(`note: review after epoch ${p} is not approved yet (pipec run --approve ${p})`);
  const checks = rechecked > 0 ? `, ${rechecked} gate(s) re-checked` : '';
  io.out(`done: ${ran} epoch(s) ran${checks}, ${skip.length} skipped, ${formatElapsed((performance.now() - t0) / 1000)}`);
  for (const line of closingSummary(ir, readState(py.root), py.root, py.python, process.cwd())) io.out(line);
  return 0;
}

/** Turn the child's outcome into a failure message (null = completed), recording what only the runner saw. */
async function settle(e: Epoch, outcome: ChildOutcome, py: PythonEnv): Promise<string | null> {
  const rec = readState(py.root).epochs[e.id];
  switch (outcome.kind) {
    case 'exit':
      if (outcome.code === 0 && rec?.status === 'completed') return null;
      if (outcome.code === 0) {
        const msg = `epoch script exited 0 without completing its gate (status ${rec?.status ?? 'pending'}; does it use EpochContext?)`;
        await recordFailure(py, e.id, 'PipelineError', msg);
        return msg;
      }
      if (outcome.code === 1 && rec?.error) return `${rec.error.type}: ${rec.error.message}`;
      await recordFailure(py, e.id, 'PipelineError', `crashed with exit code ${outcome.code}`);
      return `crashed with exit code ${outcome.code}`;
    case 'signal': {
      const msg = `killed by ${outcome.signal}`;
      await recordFailure(py, e.id, 'PipelineError', msg);
      return `${msg}; rerun with --resume to continue from its checkpoint`;
    }
    case 'memory': {
      const msg = `process tree memory ${formatBytes(outcome.rss)} exceeded the limit of ${formatBytes(outcome.limit)}; stopped`;
      await recordFailure(py, e.id, 'ResourceLimitError', msg);
      return `ResourceLimitError: ${msg}`;
    }
    case 'timeout': {
      const msg = `timed out after ${formatElapsed(outcome.seconds)}; stopped`;
      await recordFailure(py, e.id, 'ResourceLimitError', msg);
      return `ResourceLimitError: ${msg}`;
    }
  }
}

/** Obtain the reviews every upstream epoch of `e` requires; false (epoch blocked) when one is missing. */
async function ensureReviews(ir: Ir, e: Epoch, py: PythonEnv, opts: RunOptions, io: RunIo): Promise<boolean> {
  const state = readState(py.root);
  for (const up of ancestorsOf(ir, e.id)) {
    const upEpoch = ir.epochs.find((x) => x.id === up);
    const rec = state.epochs[up];
    if (!upEpoch?.review || rec?.status !== 'completed' || rec.review?.status === 'approved') continue;
    const approve = opts.yes || opts.approve.includes(up);
    const args = ['review', up, ...(approve ? ['--approve'] : []), ...(io.interactive ? [] : ['--no-input'])];
    const r = await callRuntime(py, args, io.interactive && !approve);
    if (r.stdout.trim()) io.out(r.stdout.trim());
    if (r.code !== 0) {
      const why = r.stderr.trim() || `review after epoch ${up} ("${upEpoch.review.title}") is not approved`;
      io.err(`blocked ${e.id} ${e.name}: ${why}`);
      await recordFailure(py, e.id, 'DependencyError', why, 'block');
      return false;
    }
  }
  return true;
}

function pendingReviews(ir: Ir, state: PipelineState): string[] {
  return ir.epochs
    .filter((e) => e.review && state.epochs[e.id]?.status === 'completed' && state.epochs[e.id]?.review?.status !== 'approved')
    .map((e) => e.id);
}

function parseJson<T>(text: string): T | null {
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}
