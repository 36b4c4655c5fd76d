/**
 * Options of `pipec run` / `pipec status` and their parsing: durations (`30m`, `1h30m`), sizes (`12GB`,
 * binary multiples like the compiler), epoch lists (`003,006`). Bad values are usage errors (exit 2).
 */

/** Options of one `pipec run` invocation, already validated. */
export interface RunOptions {
  /** The generated project's root folder. */
  projectDir: string;
  /** Start at this epoch (inclusive, in the IR's topological order). */
  from?: string;
  /** Run only this epoch (its prerequisites must already be satisfied). */
  only?: string;
  /** Skip completed epochs and resume inside one from its checkpoint. */
  resume: boolean;
  /** Epoch ids whose review is approved by this invocation. */
  approve: string[];
  /** Approve every review this run meets. */
  yes: boolean;
  /** Python interpreter; default: the project's .venv, then the repository's, then python3. */
  python?: string;
  /** Per-epoch timeout in seconds (overrides the IR's `timeoutSeconds`). */
  timeoutSeconds?: number;
  /** Memory limit of the epoch's whole process tree in bytes (overrides the IR's limit). */
  maxMemoryBytes?: number;
  /** Milliseconds between process-tree RSS samples. */
  pollMs?: number;
}

/** A usage problem in the command line or the project folder (exit code 2). */
export class RunUsageError extends Error {}

const SIZE: Record<string, number> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4 };
const DURATION: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 };

/** `30m` → 1800, `1h30m` → 5400, `45` → 45 (seconds). */
export function parseDuration(text: string): number {
  const t = text.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  const parts = [...t.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== t) {
    throw new RunUsageError(`invalid duration "${text}": use a number with s, m, h or d, e.g. 30m or 1h30m`);
  }
  return parts.reduce((sum, p) => sum + Number(p[1]) * (DURATION[p[2] ?? 's'] ?? 1), 0);
}

/** `12GB` → 12·1024³ bytes; `512MB`; a bare number is bytes. */
export function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|TB)?$/i.exec(text.trim());
  if (!m) throw new RunUsageError(`invalid size "${text}": use a number with B, KB, MB, GB or TB, e.g. 12GB`);
  const value = Number(m[1]) * (SIZE[(m[2] ?? 'B').toUpperCase()] ?? 1);
  if (!(value > 0)) throw new RunUsageError(`invalid size "${text}": must be greater than zero`);
  return Math.round(value);
}

/** `003,006` → ['003', '006']; each id must be three digits. */
export function parseEpochList(text: string): string[] {
  const ids = text.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  for (const id of ids) checkEpochId(id, '--approve');
  return ids;
}

/** Throw a usage error unless `id` looks like an epoch id. */
export function checkEpochId(id: string, flag: string): string {
  if (!/^\d{3}$/.test(id)) throw new RunUsageError(`${flag} expects an epoch id of three digits (e.g. 005), got "${id}"`);
  return id;
}

/** Human duration for progress lines: `4.2s`, `3m05s`, `1h02m`. */
export function formatElapsed(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const m = Math.floor(seconds / 60);
  if (m < 60) return `${m}m${String(Math.floor(seconds % 60)).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

/** Bytes as `1.50 GB` (binary). */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(2)} GB` : `${(bytes / 1024 ** 2).toFixed(0)} MB`;
}
