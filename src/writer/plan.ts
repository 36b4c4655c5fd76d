/**
 * Building a plan: everything `pipec compile` would do to an output folder, computed without writing
 * — per-file actions (reconcile.ts), the spec sections that caused them, the new manifest and base
 * copies, and which epochs must rerun because their cache key changed.
 * `pipec plan` prints it; `pipec compile` applies exactly it (apply.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { OutputFile } from '../emit/types.js';
import type { Ir } from '../ir/schema.js';
import { downstreamOf } from '../ir/dag.js';
import { epochFiles, isDocumentation, type EpochKeys } from '../ir/cache-keys.js';
import { sha256 } from './hash.js';
import { MANIFEST_VERSION, serializeManifest, sectionHashes, type Manifest } from './manifest.js';
import { reconcile, isChange, type FileChange } from './reconcile.js';
import { assertInside, baseReader, readDiskState, readIfExists, readManifest } from './disk-state.js';
import { assertSafePaths, BASE_PREFIX, MANIFEST_PATH } from './safe-path.js';
import { CACHE_PATH, PIPEC_GITIGNORE, PIPEC_GITIGNORE_PATH, serializeRecord } from './fast-path.js';

/** Files the runtime owns once they exist: generated as an initial seed, then never touched again. */
export const RUNTIME_OWNED: readonly string[] = ['.context/pipeline_state.json'];

/** A file change with the spec sections that caused it. */
export interface PlannedFile extends FileChange {
  /**
   * Changed IR sections among the file's sources (any changed section for a file that names none);
   * `[]` on a first compile; `['<generator>']` when no section changed (templates or pipec changed).
   */
  causes: string[];
}

/** One epoch whose cache key changed (or that depends on one). */
export interface EpochRerun {
  id: string;
  dir: string;
  /** `rerun`: its code (or an upstream epoch's) changed; `recheck-gate`: only its gate rules changed. */
  action: 'rerun' | 'recheck-gate';
  /** Human reasons, most specific first. */
  reasons: string[];
}

/** Everything a compile would do. */
export interface Plan {
  outDir: string;
  firstCompile: boolean;
  /** Every generated or previously managed path, sorted (includes `unchanged`). */
  files: PlannedFile[];
  /** Epochs to rerun, in IR (topological) order. */
  rerun: EpochRerun[];
  /** Of `rerun`, the ones that existed before: marked stale in pipec's run record on compile. */
  stale: string[];
  /** Epoch ids in the last manifest that the spec no longer has. */
  removedEpochs: string[];
  manifest: Manifest;
  manifestText: string;
  manifestChanged: boolean;
  /** `.pipec/base/<path>` copies to (re)write and to delete. */
  baseWrites: { path: string; content: string }[];
  baseDeletes: string[];
  /** Nothing to write and nothing unresolved: what `compile --check` tests. */
  upToDate: boolean;
  /** Fast-path record and `.pipec/.gitignore` to (re)write: bookkeeping, never part of `upToDate`. */
  cacheWrites: { path: string; content: string }[];
}

/** Inputs to a plan. */
export interface PlanInput {
  outDir: string;
  ir: Ir;
  files: readonly OutputFile[];
  /** epochKeySets(ir, files). */
  epochKeys: Readonly<Record<string, EpochKeys>>;
  force?: boolean;
  /** Input fingerprint for the no-op fast path (fast-path.ts); absent: no record is written. */
  fingerprint?: string;
}

/** Read the output folder and decide everything. Throws OutputFolderError for a broken folder. */
export function buildPlan(input: PlanInput): Plan {
  const { outDir, ir, files } = input;
  assertSafePaths(files.map((f) => f.path));
  const old = readManifest(outDir);
  const paths = [...new Set([...files.map((f) => f.path), ...old.files.map((f) => f.path)])];
  assertInside(outDir, [...paths, MANIFEST_PATH, ...paths.map((p) => BASE_PREFIX + p)]);
  const runtimeOwned = new Set(RUNTIME_OWNED);
  const changes = reconcile({
    files,
    manifest: old,
    disk: readDiskState(outDir, paths),
    readBase: baseReader(outDir),
    force: input.force ?? false,
    runtimeOwned,
  });
  const managed = files.filter((f) => !runtimeOwned.has(f.path));
  // Every file's sources, plus each top-level section and epoch, so a file without sources can
  // still be explained by whichever part of the spec changed.
  const everySection = [...Object.keys(ir), ...ir.epochs.map((e) => `epochs.${e.id}`)];
  const sections = sectionHashes(ir, [...managed.flatMap((f) => f.sources), ...everySection]);
  const manifest: Manifest = {
    manifestVersion: MANIFEST_VERSION,
    files: managed.map((f) => ({ path: f.path, sha256: sha256(f.contents), sources: [...f.sources].sort(), executable: f.executable ?? false })),
    sections,
    epochs: Object.fromEntries(
      ir.epochs.map((e) => {
        const k = input.epochKeys[e.id];
        return [e.id, { dir: e.dir, cacheKey: k?.key ?? '', codeKey: k?.code, gateKey: k?.gate }];
      }),
    ),
  };
  const manifestText = serializeManifest(manifest);
  const firstCompile = old.files.length === 0;
  const changedSection = (s: string) => old.sections[s] !== sections[s];
  const planned = changes.map((c): PlannedFile => {
    if (!isChange(c) || firstCompile) return { ...c, causes: [] };
    // Per-epoch sections name the change more precisely than `epochs` as a whole.
    const own = c.sources.length > 0 ? c.sources : everySection.filter((k) => k !== 'irVersion' && k !== 'epochs');
    const causes = own.filter(changedSection);
    return { ...c, causes: causes.length > 0 ? causes : ['<generator>'] };
  });
  const oldSha = new Map(old.files.map((f) => [f.path, f.sha256]));
  const baseWrites = managed
    .filter((f) => oldSha.get(f.path) !== sha256(f.contents) || !existsSync(join(outDir, BASE_PREFIX + f.path)))
    .map((f) => ({ path: f.path, content: f.contents }));
  const managedPaths = new Set(managed.map((f) => f.path));
  const baseDeletes = old.files.filter((f) => !managedPaths.has(f.path)).map((f) => f.path);
  const { rerun, stale } = epochsToRerun(ir, files, old, input.epochKeys, changedSection, oldSha);
  const manifestChanged = readIfExists(join(outDir, MANIFEST_PATH)) !== manifestText;
  return {
    outDir,
    firstCompile,
    files: planned,
    rerun,
    stale,
    removedEpochs: Object.keys(old.epochs).filter((id) => !ir.epochs.some((e) => e.id === id)).sort(),
    manifest,
    manifestText,
    manifestChanged,
    baseWrites,
    baseDeletes,
    upToDate: !planned.some(isChange) && !manifestChanged && baseWrites.length === 0 && baseDeletes.length === 0,
    cacheWrites: input.fingerprint === undefined ? [] : cacheWrites(outDir, input.fingerprint, manifestText, files.filter((f) => runtimeOwned.has(f.path)).map((f) => f.path)),
  };
}

function cacheWrites(outDir: string, fingerprint: string, manifestText: string, seeds: string[]): { path: string; content: string }[] {
  const wanted = [
    { path: CACHE_PATH, content: serializeRecord({ fingerprint, manifestSha256: sha256(manifestText), seeds }) },
    { path: PIPEC_GITIGNORE_PATH, content: PIPEC_GITIGNORE },
  ];
  return wanted.filter((w) => readIfExists(join(outDir, w.path)) !== w.content);
}

function epochsToRerun(
  ir: Ir,
  files: readonly OutputFile[],
  old: Manifest,
  keys: Readonly<Record<string, EpochKeys>>,
  changedSection: (s: string) => boolean,
  oldSha: ReadonlyMap<string, string>,
): { rerun: EpochRerun[]; stale: string[] } {
  // An old manifest without code keys (older pipec): any key change counts as a code change.
  const codeChanged = (id: string) => {
    const was = old.epochs[id];
    return was?.codeKey === undefined ? was?.cacheKey !== keys[id]?.key : was.codeKey !== keys[id]?.code;
  };
  const direct = ir.epochs.filter((e) => codeChanged(e.id)).map((e) => e.id);
  const all = new Set([...direct, ...downstreamOf(ir, direct)]);
  const rerun: EpochRerun[] = [];
  for (const e of ir.epochs) {
    const gateOnly = !all.has(e.id) && old.epochs[e.id]?.gateKey !== undefined && old.epochs[e.id]?.gateKey !== keys[e.id]?.gate;
    if (gateOnly) {
      rerun.push({ id: e.id, dir: e.dir, action: 'recheck-gate', reasons: [`gate rules of epochs.${e.id} changed: re-check the recorded facts`] });
      continue;
    }
    if (!all.has(e.id)) continue;
    const reasons: string[] = [];
    if (old.epochs[e.id] === undefined) reasons.push(Object.keys(old.epochs).length === 0 ? 'first compile' : 'new epoch');
    else {
      if (changedSection(`epochs.${e.id}`)) reasons.push(`spec section epochs.${e.id} changed`);
      const own = epochFiles(files, e.id).filter((f) => !isDocumentation(f.path));
      const sections = [...new Set(own.flatMap((f) => f.sources))].filter((s) => !s.startsWith('epochs.') && changedSection(s)).sort();
      if (sections.length > 0) reasons.push(`spec section${sections.length > 1 ? 's' : ''} ${sections.join(', ')} changed`);
      const changedFiles = own.filter((f) => oldSha.get(f.path) !== sha256(f.contents)).map((f) => f.path);
      if (changedFiles.length > 0) {
        const shown = changedFiles.slice(0, 3).join(', ');
        reasons.push(`generated code changed: ${shown}${changedFiles.length > 3 ? ` and ${changedFiles.length - 3} more` : ''}`);
      }
      const ups = e.after.filter((a) => all.has(a)).sort();
      if (ups.length > 0) reasons.push(`upstream epoch${ups.length > 1 ? 's' : ''} ${ups.join(', ')} rerun${ups.length > 1 ? '' : 's'}`);
      if (reasons.length === 0) reasons.push('cache key changed');
    }
    rerun.push({ id: e.id, dir: e.dir, action: 'rerun', reasons });
  }
  const stale = rerun.filter((r) => r.action === 'rerun' && old.epochs[r.id] !== undefined).map((r) => r.id);
  return { rerun, stale };
}
