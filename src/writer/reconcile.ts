/**
 * The regeneration rules (issue 6 §2), as one pure function: given what pipec generates now, what it
 * generated last time (manifest + base copies) and what is on disk, decide per file what to do.
 * Everything that writes (journal.ts) and everything that reports (plan.ts) consumes this result, so
 * `pipec plan` and `pipec compile` can never disagree.
 */
import type { OutputFile } from '../emit/types.js';
import { sha256 } from './hash.js';
import type { Manifest, ManifestFile } from './manifest.js';
import { hasConflictMarkers, mergeText, type MergeOutcome } from './merge-text.js';
import { isNotebookPath, mergeNotebook } from './merge-notebook.js';

/** What happens to one file. `unchanged` and most `keep`s write nothing. */
export type FileAction = 'create' | 'update' | 'merge' | 'conflict' | 'delete' | 'keep' | 'unchanged';

/** Why a file is kept as it is on disk. */
export type KeepKind = 'edited' | 'orphan-edited' | 'deleted-by-you' | 'unresolved-conflict';

/** The decision for one path. */
export interface FileChange {
  path: string;
  action: FileAction;
  keep?: KeepKind;
  /** Human reason, one line. */
  reason: string;
  /** Content to write at `path` (create/update/merge/conflict); absent when the file is not touched. */
  write?: string;
  executable: boolean;
  /** Number of conflict regions written (conflict only). */
  conflicts?: number;
  /** OutputFile.sources of the new file, or the manifest's for a file no longer generated. */
  sources: string[];
}

/** What reconcile needs to know about the disk. */
export interface ReconcileInput {
  files: readonly OutputFile[];
  manifest: Manifest;
  /** Current content of every path in `files` or the manifest; null when absent. */
  disk: ReadonlyMap<string, string | null>;
  /** Content of `.pipec/base/<path>` for a manifest path; null when missing. Read lazily: only merges need it. */
  readBase: (path: string) => string | null;
  /** Overwrite edits instead of merging, delete edited orphans (`--force`). */
  force: boolean;
  /** Paths written once and then owned by the runtime (never updated, merged or deleted). */
  runtimeOwned: ReadonlySet<string>;
}

const merge3 = (path: string, yours: string, base: string, gen: string): MergeOutcome =>
  isNotebookPath(path) ? mergeNotebook(yours, base, gen) : mergeText(yours, base, gen);

/** Decide every file. Result sorted by path. */
export function reconcile(input: ReconcileInput): FileChange[] {
  const old = new Map(input.manifest.files.map((f) => [f.path, f]));
  const out: FileChange[] = [];
  for (const file of input.files) out.push(decideGenerated(file, old.get(file.path), input));
  const generated = new Set(input.files.map((f) => f.path));
  for (const prev of input.manifest.files) {
    if (!generated.has(prev.path)) out.push(decideOrphan(prev, input));
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function decideGenerated(file: OutputFile, prev: ManifestFile | undefined, input: ReconcileInput): FileChange {
  const gen = file.contents;
  const executable = file.executable ?? false;
  const disk = input.disk.get(file.path) ?? null;
  const base = { path: file.path, executable, sources: [...file.sources].sort() };
  if (input.runtimeOwned.has(file.path)) {
    return disk === null
      ? { ...base, action: 'create', reason: 'initial runtime state', write: gen }
      : { ...base, action: 'unchanged', reason: 'owned by the runtime once created' };
  }
  const modeChanged = prev !== undefined && prev.executable !== executable;
  if (disk === gen) {
    return modeChanged
      ? { ...base, action: 'update', reason: 'executable bit changed', write: gen }
      : { ...base, action: 'unchanged', reason: 'up to date' };
  }
  if (disk === null) {
    if (prev === undefined) return { ...base, action: 'create', reason: 'new file', write: gen };
    // The user deleted a generated file: respect that until the generator has something new to say.
    if (input.force || prev.sha256 !== sha256(gen)) {
      return { ...base, action: 'create', reason: 'deleted on disk; regenerated because its content changed', write: gen };
    }
    return { ...base, action: 'keep', keep: 'deleted-by-you', reason: 'deleted by you; generated content unchanged' };
  }
  if (input.force) return { ...base, action: 'update', reason: 'overwritten (--force)', write: gen };
  const diskHash = sha256(disk);
  if (prev !== undefined && diskHash === prev.sha256) {
    return { ...base, action: 'update', reason: 'not edited by you', write: gen };
  }
  // Edited by the user (or a file pipec did not manage yet).
  if (prev !== undefined && prev.sha256 === sha256(gen)) {
    return hasConflictMarkers(disk)
      ? { ...base, action: 'keep', keep: 'unresolved-conflict', reason: 'still contains conflict markers' }
      : { ...base, action: 'keep', keep: 'edited', reason: 'edited by you; generated content unchanged' };
  }
  const storedBase = prev === undefined ? null : input.readBase(file.path);
  const baseText = prev !== undefined && storedBase !== null && sha256(storedBase) === prev.sha256 ? storedBase : null;
  // No trustworthy base (first compile over existing files, lost .pipec/base): an empty base makes
  // every difference a conflict, which is the honest answer.
  const merged = merge3(file.path, disk, baseText ?? '', gen);
  if (merged.conflicts > 0) {
    return { ...base, action: 'conflict', reason: `${merged.conflicts} conflicting region(s) with your edits`, write: merged.text, conflicts: merged.conflicts };
  }
  if (merged.text === disk) {
    return { ...base, action: 'keep', keep: 'edited', reason: 'your edits already contain the generated change' };
  }
  return { ...base, action: 'merge', reason: 'your edits merged with the generated change', write: merged.text };
}

function decideOrphan(prev: ManifestFile, input: ReconcileInput): FileChange {
  const disk = input.disk.get(prev.path) ?? null;
  const base = { path: prev.path, executable: prev.executable, sources: [...prev.sources].sort() };
  if (disk === null) return { ...base, action: 'unchanged', reason: 'no longer generated; already gone' };
  if (input.force || sha256(disk) === prev.sha256) {
    return { ...base, action: 'delete', reason: 'no longer generated' };
  }
  return { ...base, action: 'keep', keep: 'orphan-edited', reason: 'no longer generated, but edited by you: kept, no longer managed' };
}

/** Actions that change the managed tree (what `compile --check` fails on). */
export const isChange = (c: FileChange): boolean =>
  c.action === 'create' || c.action === 'update' || c.action === 'merge' || c.action === 'conflict' || c.action === 'delete' ||
  (c.action === 'keep' && (c.keep === 'orphan-edited' || c.keep === 'unresolved-conflict'));
