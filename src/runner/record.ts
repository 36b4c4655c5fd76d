/**
 * pipec's own run record, `.context/pipec_record.json`: per epoch, the keys it last completed with
 * (src/ir/cache-keys.ts), a stale mark left by `pipec compile`, and every attempt with its real cause.
 * Written only by pipec (Node, no Python needed), atomically (temporary file + rename), so a compile
 * can mark epochs stale even where no interpreter has the runtime's packages, and a mark is never lost.
 * The runtime's `.context/pipeline_state.json` stays the record of statuses, facts and gate results.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Path of the record inside a generated project. */
export const RECORD_PATH = '.context/pipec_record.json';

/** Why an attempt started. */
export type AttemptCause = 'first run' | 'spec change' | 'upstream rerun' | 'gate change' | 'retry after failure' | 'resume from checkpoint' | 'rerun requested';

/** One attempt of an epoch (a full run, a resumed run, or a gate re-check). */
export interface Attempt {
  /** 1-based, per epoch. */
  n: number;
  cause: AttemptCause;
  /** Why, in words (the keys or the state that decided it). */
  detail: string;
  /** completed / failed (error or gate) / crashed (killed, timeout, memory) / interrupted. */
  outcome: 'completed' | 'failed' | 'crashed' | 'interrupted';
  /** `rerun`: the epoch script ran; `recheck-gate`: the new rules were evaluated on recorded facts. */
  kind: 'run' | 'recheck-gate';
  /** Checkpoint progress (percent) the run resumed from, null when it started from the beginning. */
  resumedFromPercent: number | null;
  elapsedSeconds: number;
  /** The failure in one line, when not completed. */
  error: string | null;
  /** The code key the attempt ran with (null when the project has no manifest): a checkpoint it left is only reused under the same key. */
  codeKey: string | null;
}

/** The record of one epoch. */
export interface EpochRecord {
  /** Keys of the code and gate the epoch last completed with (null before its first completion). */
  codeKey: string | null;
  gateKey: string | null;
  /** Set by `pipec compile` when the epoch's code key changed; cleared when it completes again. */
  stale: { reasons: string[] } | null;
  attempts: Attempt[];
}

/** The whole record. */
export interface RunRecord {
  version: 1;
  epochs: Record<string, EpochRecord>;
}

/** A fresh epoch record. */
export function emptyEpochRecord(): EpochRecord {
  return { codeKey: null, gateKey: null, stale: null, attempts: [] };
}

/** Read the record of the project at `root` (an empty one when absent or unreadable). */
export function readRecord(root: string): RunRecord {
  try {
    const data = JSON.parse(readFileSync(join(root, RECORD_PATH), 'utf8')) as Partial<RunRecord>;
    if (data.version === 1 && data.epochs && typeof data.epochs === 'object') {
      const epochs: Record<string, EpochRecord> = {};
      for (const [id, rec] of Object.entries(data.epochs)) epochs[id] = { ...emptyEpochRecord(), ...rec };
      return { version: 1, epochs };
    }
  } catch {
    // absent (never ran) or broken: start over; keys decide what reruns, so nothing is skipped wrongly
  }
  return { version: 1, epochs: {} };
}

/** Apply `change` to the record and replace the file atomically. Returns the new record. */
export function updateRecord(root: string, change: (r: RunRecord) => void): RunRecord {
  const record = readRecord(root);
  change(record);
  const file = join(root, RECORD_PATH);
  mkdirSync(join(root, '.context'), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(record, null, 2)}\n`);
  renameSync(tmp, file);
  return record;
}

/** The record of epoch `id` inside `r`, created when absent (use inside updateRecord). */
export function epochRecord(r: RunRecord, id: string): EpochRecord {
  r.epochs[id] ??= emptyEpochRecord();
  return r.epochs[id];
}

/** Mark epochs stale with their reasons (what `pipec compile` does; no Python involved). */
export function markStale(root: string, reasons: Readonly<Record<string, string[]>>): void {
  if (Object.keys(reasons).length === 0) return;
  updateRecord(root, (r) => {
    for (const [id, why] of Object.entries(reasons)) epochRecord(r, id).stale = { reasons: [...why] };
  });
}
