/**
 * What `pipec run` does with each selected epoch, decided from keys rather than flags: every epoch
 * whose code key differs from the one it last completed with reruns (with everything downstream),
 * whether or not a compile marked it stale; an epoch whose gate rules alone changed has its new
 * rules re-checked on its recorded facts; the rest is skipped. Without a manifest (a project not
 * compiled by pipec) the runtime's statuses decide, as before.
 */
import type { EpochKeys } from '../ir/cache-keys.js';
import { upstreamOf } from '../ir/dag.js';
import type { Epoch, Ir } from '../ir/schema.js';
import type { PipelineState } from './project.js';
import type { AttemptCause, RunRecord } from './record.js';

/** The decision for one epoch. */
export interface EpochStep {
  epoch: Epoch;
  action: 'run' | 'recheck-gate' | 'skip';
  cause: AttemptCause | 'up to date';
  /** Why, in words (printed and recorded). */
  detail: string;
  /** May the run resume from the epoch's checkpoint? Never when its code changed. */
  resumeCheckpoint: boolean;
}

/** All transitive prerequisites of an epoch, in IR order (the DAG walk is ir/dag.ts's `upstreamOf`). */
export function ancestorsOf(ir: Ir, id: string): string[] {
  const up = new Set(upstreamOf(ir, id));
  return ir.epochs.map((e) => e.id).filter((e) => up.has(e));
}

/** Inputs of the decision. `keys` null: no manifest, statuses decide. */
export interface StepInput {
  ir: Ir;
  selected: readonly Epoch[];
  state: PipelineState;
  record: RunRecord;
  keys: Readonly<Record<string, EpochKeys>> | null;
  resume: boolean;
}

/** Decide every selected epoch, in order. */
export function planSteps(input: StepInput): EpochStep[] {
  const { ir, state, record, keys } = input;
  const rerun = new Set<string>();
  const steps: EpochStep[] = [];
  for (const epoch of input.selected) {
    const step = decide(epoch);
    if (step.action === 'run') rerun.add(epoch.id);
    steps.push(step);
  }
  return steps;

  function decide(epoch: Epoch): EpochStep {
    const id = epoch.id;
    const st = state.epochs[id];
    const rec = record.epochs[id];
    const key = keys?.[id];
    // The code the epoch last ran with: its last attempt's (a failed one too: its checkpoint is that code's).
    const lastCode = rec?.attempts.at(-1)?.codeKey ?? rec?.codeKey ?? null;
    const codeChanged = key !== undefined && lastCode !== null && lastCode !== key.code;
    const make = (action: EpochStep['action'], cause: EpochStep['cause'], detail: string, resumeCheckpoint = false): EpochStep => ({
      epoch,
      action,
      cause,
      detail,
      resumeCheckpoint,
    });
    const ups = ancestorsOf(ir, id).filter((a) => rerun.has(a));
    if (!input.resume) {
      if (st?.status === undefined || st.status === 'pending') return make('run', 'first run', 'never ran');
      return make('run', codeChanged ? 'spec change' : 'rerun requested', codeChanged ? 'its code changed since it last completed' : 'run without --resume');
    }
    if (ups.length > 0) return make('run', 'upstream rerun', `upstream epoch${ups.length > 1 ? 's' : ''} ${ups.join(', ')} rerun${ups.length > 1 ? '' : 's'}`);
    if (codeChanged) return make('run', 'spec change', 'its code key differs from the one it last completed with');
    if (st?.status === 'stale') return make('run', 'spec change', 'marked stale by a recompile');
    // A gate that failed on facts whose code is unchanged: new rules are re-checked, not retrained.
    const gateFailed = st?.status === 'failed' && st.error?.type === 'GateFailedError';
    if (gateFailed && key !== undefined && rec?.codeKey === key.code && rec.gateKey !== key.gate) {
      return make('recheck-gate', 'gate change', 'its gate failed and only its gate rules changed since: re-check them on the recorded facts');
    }
    if (st?.status !== 'completed') {
      if (st?.status === undefined || st.status === 'pending') return make('run', 'first run', 'never ran', true);
      return make('run', 'retry after failure', `its last attempt ended ${st.status}`, true);
    }
    if (key === undefined) return make('skip', 'up to date', 'completed');
    if (rec?.codeKey == null) return make('run', 'spec change', 'completed without a recorded key (before keys were recorded, or outside pipec run)');
    if (rec.gateKey !== key.gate) return make('recheck-gate', 'gate change', 'only its gate rules changed: re-check them on the recorded facts');
    return make('skip', 'up to date', 'completed, keys unchanged');
  }
}
