/**
 * Per-epoch cache keys: the Domino Flows `cache_version` of each epoch's task, and what `pipec plan`
 * compares to say which epochs must rerun after a spec change.
 *
 * key(epoch) = sha256 over
 *   - the epoch's own IR section (`epochs.<id>`, canonical JSON),
 *   - every generated file attributed to the epoch (its `sources` contain `epochs.<id>`): path + contents,
 *     plus the canonical JSON of the other IR sections that file names (`data`, `features`, ...), because a
 *     generated script may read a section at run time (through config) without its text changing,
 *   - the keys of its direct prerequisites (so a change propagates to every downstream epoch, and only there).
 * Files under `flows/` are ignored: the flow module embeds the keys and must not feed them (no fixpoint).
 * Pure and deterministic: canonical JSON sorts object keys; files are taken in path order.
 */
import { createHash } from 'node:crypto';
import type { Ir } from './schema.js';
import { topoOrder } from './dag.js';

/** Version prefix: bump when the key recipe changes, so old caches are never reused by mistake. */
const RECIPE = 'pipec-cache-v1';

/** Folder whose files never contribute to keys (they contain the keys). */
export const CACHE_KEY_EXCLUDED_PREFIX = 'flows/';

/** JSON with object keys sorted at every level, so equal values always hash equally. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * The IR value a source name refers to: `data` → ir.data, `deploy.api` → ir.deploy.api,
 * `epochs.005` → the epoch with id 005. Unknown names resolve to undefined (hashed as their name only).
 */
export function irSection(ir: Ir, source: string): unknown {
  const [head, ...rest] = source.split('.');
  if (head === 'epochs' && rest.length === 1) return ir.epochs.find((e) => e.id === rest[0]);
  let cur: unknown = ir;
  for (const part of [head, ...rest]) {
    if (cur === null || typeof cur !== 'object' || !(part as string in (cur as object))) return undefined;
    cur = (cur as Record<string, unknown>)[part as string];
  }
  return cur;
}

/**
 * What a cache key reads of a generated file. Structural, so ir/ does not depend on emit/ (emit's
 * OutputFile satisfies it).
 */
export interface KeyedFile {
  path: string;
  contents: string;
  /** Whether the file is written with the executable bit (part of what the job runs). */
  executable?: boolean;
  /** IR sections the file was generated from (`epochs.005`, `features`, ...). */
  sources: readonly string[];
}

/** The generated files attributed to epoch `id`, sorted by path, flows/ excluded. */
export function epochFiles<F extends KeyedFile>(files: readonly F[], id: string): F[] {
  const tag = `epochs.${id}`;
  return files
    .filter((f) => !f.path.startsWith(CACHE_KEY_EXCLUDED_PREFIX) && f.sources.includes(tag))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * `cache_version` per epoch id: 64-hex sha256 (see the module comment for what it covers).
 * Epochs are visited in topological order so each prerequisite's key exists before it is used.
 */
export function epochCacheKeys(ir: Ir, files: readonly KeyedFile[]): Record<string, string> {
  const keys: Record<string, string> = {};
  const byId = new Map(ir.epochs.map((e) => [e.id, e]));
  for (const id of topoOrder(ir)) {
    const epoch = byId.get(id);
    if (!epoch) continue;
    const h = createHash('sha256');
    // Each part is length-prefixed so no two different inputs can concatenate to the same stream.
    const put = (label: string, text: string): void => {
      h.update(`${label}\u0000${text.length}\u0000${text}\u0000`);
    };
    put('recipe', RECIPE);
    put('epoch', canonicalJson(epoch));
    const sections = new Set<string>();
    for (const f of epochFiles(files, id)) {
      put('file', f.path);
      put('contents', f.contents);
      put('exec', f.executable ? '1' : '0');
      for (const s of f.sources) if (!s.startsWith('epochs.')) sections.add(s);
    }
    for (const s of [...sections].sort()) put(`section:${s}`, canonicalJson(irSection(ir, s) ?? null));
    for (const p of [...epoch.after].sort()) put(`after:${p}`, keys[p] ?? '');
    keys[id] = h.digest('hex');
  }
  return keys;
}
