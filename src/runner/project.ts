/**
 * The generated project as `pipec run` sees it: its IR (validated), the epochs a run selects, the Python
 * to use, and read-only views of the runtime's state and checkpoints (all writes go through the runtime).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { IrSchema, type Epoch, type Ir } from '../ir/schema.js';
import { RunUsageError, checkEpochId } from './options.js';

/** A loaded project. */
export interface Project {
  root: string;
  ir: Ir;
}

/** Per-epoch record of `.context/pipeline_state.json` (schema: docs/runtime.md); fields may be missing. */
export interface EpochState {
  status?: 'pending' | 'running' | 'completed' | 'failed' | 'blocked' | 'stale';
  attempts?: number;
  elapsed_seconds?: number | null;
  started_at?: string | null;
  facts?: Record<string, unknown>;
  gate?: { passed: boolean; results: GateResult[] } | null;
  error?: { type: string; message: string } | null;
  review?: { status: string; by?: string; via?: string } | null;
  /** The engine the last attempt ran on (`pandas`, `dask`), plus a cluster's record (workers, scheduler). */
  engine?: { engine?: string; workers?: number; scheduler?: string } | null;
}

/** One evaluated gate rule. */
export interface GateResult {
  rule: string;
  fact: string;
  op: string;
  expected: unknown;
  observed: unknown;
  passed: boolean;
  message?: string;
}

/** The state document (read-only here). */
export interface PipelineState {
  epochs: Record<string, EpochState>;
  blockers: { epoch: string | null; message: string }[];
  warnings: { epoch: string | null; message: string }[];
}

/** Load and validate `<dir>/.pipec/ir.json`; usage error when it is missing or invalid. */
export function loadProject(dir: string): Project {
  const root = resolve(dir);
  const file = join(root, '.pipec', 'ir.json');
  if (!existsSync(file)) {
    throw new RunUsageError(`${dir} is not a generated project (no .pipec/ir.json): run \`pipec compile\` first`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new RunUsageError(`${file} is not valid JSON (${(err as Error).message})`);
  }
  const parsed = IrSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new RunUsageError(`${file} is not a valid IR: ${first ? `${first.path.join('.')}: ${first.message}` : 'unknown'}; recompile the project`);
  }
  return { root, ir: parsed.data };
}

/** The epochs a run covers, in the IR's (topological) order. */
export function selectEpochs(ir: Ir, opts: { from?: string; only?: string }): Epoch[] {
  const ids = ir.epochs.map((e) => e.id);
  const find = (id: string, flag: string): number => {
    checkEpochId(id, flag);
    const i = ids.indexOf(id);
    if (i < 0) throw new RunUsageError(`${flag} ${id}: no such epoch (epochs: ${ids.join(', ')})`);
    return i;
  };
  if (opts.only && opts.from) throw new RunUsageError('--only and --from cannot be combined');
  if (opts.only) return [ir.epochs[find(opts.only, '--only')] as Epoch];
  return opts.from ? ir.epochs.slice(find(opts.from, '--from')) : [...ir.epochs];
}

/** The runtime state (an empty one before the first epoch ran). */
export function readState(root: string): PipelineState {
  const file = join(root, '.context', 'pipeline_state.json');
  if (!existsSync(file)) return { epochs: {}, blockers: [], warnings: [] };
  const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<PipelineState>;
  return { epochs: data.epochs ?? {}, blockers: data.blockers ?? [], warnings: data.warnings ?? [] };
}

/** Progress of an epoch's checkpoint (percent), or null without one. */
export function readCheckpointPercent(root: string, epochId: string): number | null {
  const file = join(root, '.context', 'checkpoints', `epoch${epochId}_checkpoint.json`);
  if (!existsSync(file)) return null;
  try {
    const ck = JSON.parse(readFileSync(file, 'utf8')) as { progress_percent?: number };
    return typeof ck.progress_percent === 'number' ? ck.progress_percent : null;
  } catch {
    return null; // being replaced right now: status is a snapshot, not worth failing for
  }
}
