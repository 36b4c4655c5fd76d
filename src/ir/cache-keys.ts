/**
 * Per-epoch cache keys: the Domino Flows `cache_version` of each epoch's task, what `pipec plan`
 * compares to say which epochs must rerun after a spec change, and what `pipec run --resume` and
 * `pipec status` compare with the keys a completed epoch recorded (src/runner/keys.ts).
 *
 * Each epoch has two keys, because a change to its handoff gate does not change what it computes:
 *   code(epoch) = sha256 over
 *     - the epoch's own IR section without its `gate` rules (canonical JSON),
 *     - every generated file attributed to the epoch (its `sources` contain `epochs.<id>`) except
 *       documentation (`*.md`: it explains the code, it never runs): path + contents + mode,
 *       plus the canonical JSON of the other IR sections that file names (`data`, `features`, ...;
 *       gate rules stripped from `epochs`), because a script may read a section at run time,
 *     - the code keys of its direct prerequisites (a change propagates to every downstream epoch).
 *   gate(epoch) = sha256 over the epoch's gate rules: a change re-checks the recorded facts, no rerun.
 *   key(epoch)  = sha256(code, gate): the flow's cache_version (a stricter gate must not reuse a cached pass).
 * Files under `flows/` are ignored: the flow module embeds the keys and must not feed them (no fixpoint).
 * Pure and deterministic: canonical JSON sorts object keys; files are taken in path order.
 */
import { createHash } from 'node:crypto';
import type { Ir } from './schema.js';
import { topoOrder } from './dag.js';

/** Version prefix: bump when the key recipe changes, so old caches are never reused by mistake. */
const RECIPE = 'pipec-cache-v2';

/** Folder whose files never contribute to keys (they contain the keys). */
export const CACHE_KEY_EXCLUDED_PREFIX = 'flows/';

/** What the keys read of a generated file (an emitter's OutputFile, or a manifest entry + disk contents). */
export interface KeyedFile {
  path: string;
  contents: string;
  sources: readonly string[];
  executable?: boolean;
}

/** The keys of one epoch (see the module comment). */
export interface EpochKeys {
  code: string;
  gate: string;
  key: string;
}

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

/** Documentation never enters a code key: a README that lists the gate must not retrain the model. */
export function isDocumentation(path: string): boolean {
  return path.toLowerCase().endsWith('.md');
}

/** The generated files attributed to epoch `id`, sorted by path, flows/ excluded. */
export function epochFiles<F extends KeyedFile>(files: readonly F[], id: string): F[] {
  const tag = `epochs.${id}`;
  return files
    .filter((f) => !f.path.startsWith(CACHE_KEY_EXCLUDED_PREFIX) && f.sources.includes(tag))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** An epoch (or the epoch list) without gate rules: what the code depends on. */
function withoutGates(value: unknown): unknown {
  const strip = (e: unknown) => (e !== null && typeof e === 'object' ? { ...(e as object), gate: undefined } : e);
  return Array.isArray(value) ? value.map(strip) : strip(value);
}

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * Code, gate and combined keys per epoch id (64-hex sha256 each; see the module comment).
 * Epochs are visited in topological order so each prerequisite's key exists before it is used.
 */
export function epochKeySets(ir: Ir, files: readonly KeyedFile[]): Record<string, EpochKeys> {
  const keys: Record<string, EpochKeys> = {};
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
    put('epoch', canonicalJson(withoutGates(epoch)));
    const sections = new Set<string>();
    for (const f of epochFiles(files, id)) {
      if (isDocumentation(f.path)) continue;
      put('file', f.path);
      put('contents', f.contents);
      put('exec', f.executable ? '1' : '0');
      for (const s of f.sources) if (!s.startsWith('epochs.')) sections.add(s);
    }
    for (const s of [...sections].sort()) {
      const value = irSection(ir, s) ?? null;
      put(`section:${s}`, canonicalJson(s === 'epochs' ? withoutGates(value) : value));
    }
    for (const p of [...epoch.after].sort()) put(`after:${p}`, keys[p]?.code ?? '');
    const code = h.digest('hex');
    const gate = sha(`${RECIPE}\u0000gate\u0000${canonicalJson(epoch.gate)}`);
    keys[id] = { code, gate, key: sha(`${code}\u0000${gate}`) };
  }
  return keys;
}

/** `cache_version` per epoch id: the combined key of epochKeySets. */
export function epochCacheKeys(ir: Ir, files: readonly KeyedFile[]): Record<string, string> {
  return Object.fromEntries(Object.entries(epochKeySets(ir, files)).map(([id, k]) => [id, k.key]));
}
