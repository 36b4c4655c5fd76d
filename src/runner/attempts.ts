/**
 * Attempts as pipec records them (src/runner/record.ts): each run or gate re-check with its real cause
 * and outcome, and the keys a completed epoch ran with; and the gate re-check itself, which evaluates
 * an epoch's changed gate rules on its recorded facts through the runtime instead of rerunning it.
 */
import type { EpochKeys } from '../ir/cache-keys.js';
import { formatElapsed } from './options.js';
import { readState } from './project.js';
import { epochRecord, updateRecord, type Attempt } from './record.js';
import type { EpochStep } from './resume-plan.js';
import { callRuntime, type PythonEnv } from './runtime-cli.js';

/** Where the runner writes (the subset of RunIo this module needs). */
interface Io {
  out(line: string): void;
  err(line: string): void;
}

function parseJson<T>(text: string): T | null {
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

/** Append an attempt to pipec's run record; a completed one also records the keys it completed with. */
export function recordAttempt(
  root: string,
  a: { step: EpochStep; kind: Attempt['kind']; outcome: Attempt['outcome']; resumedFromPercent: number | null; elapsedSeconds: number; error: string | null },
  keys: EpochKeys | undefined,
): void {
  updateRecord(root, (r) => {
    const rec = epochRecord(r, a.step.epoch.id);
    const cause = a.resumedFromPercent !== null ? 'resume from checkpoint' : a.step.cause === 'up to date' ? 'rerun requested' : a.step.cause;
    rec.attempts.push({
      n: rec.attempts.length + 1,
      cause,
      detail: a.resumedFromPercent !== null ? `resumed from its checkpoint at ${Number(a.resumedFromPercent.toFixed(1))}%` : a.step.detail,
      outcome: a.outcome,
      kind: a.kind,
      resumedFromPercent: a.resumedFromPercent,
      elapsedSeconds: Math.round(a.elapsedSeconds * 1000) / 1000,
      error: a.error,
      codeKey: keys?.code ?? null,
    });
    // The gate key is recorded whether the gate passed or not: the rules were evaluated on these facts.
    if (keys && (a.outcome === 'completed' || a.kind === 'recheck-gate')) {
      rec.codeKey = keys.code;
      rec.gateKey = keys.gate;
    }
    if (a.outcome === 'completed') rec.stale = null;
  });
}

/**
 * Re-evaluate an epoch's changed gate rules on the facts it recorded (no rerun), recorded in the
 * runtime's state exactly as a run would; returns the failure message, or null when the gate passes.
 */
export async function recheckGate(step: EpochStep, py: PythonEnv, keys: EpochKeys | undefined, io: Io, tag: string): Promise<string | null> {
  const e = step.epoch;
  io.out(`${tag} epoch ${e.id} ${e.name} — re-check gate (${step.detail})`);
  const start = performance.now();
  const r = await callRuntime(py, ['--json', 'gate', e.id, '--record']);
  const seconds = (performance.now() - start) / 1000;
  const result = parseJson<{ passed?: boolean; results?: unknown[] }>(r.stdout);
  const rec = readState(py.root).epochs[e.id];
  const base = { step, kind: 'recheck-gate' as const, resumedFromPercent: null, elapsedSeconds: seconds };
  if (r.code === 0 && result?.passed) {
    recordAttempt(py.root, { ...base, outcome: 'completed', error: null }, keys);
    io.out(`✔ ${e.id} ${e.name} gate passed on recorded facts (${result.results?.length ?? 0} rules) in ${formatElapsed(seconds)}, not rerun`);
    return null;
  }
  const failure = rec?.error ? `${rec.error.type}: ${rec.error.message}` : r.stderr.trim() || `gate re-check exited ${r.code}`;
  recordAttempt(py.root, { ...base, outcome: 'failed', error: failure }, keys);
  io.err(`✘ ${e.id} ${e.name} failed after ${formatElapsed(seconds)}: ${failure}`);
  return failure;
}
