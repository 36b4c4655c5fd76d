/**
 * The no-op fast path: when the inputs of a compile (spec text, stdlib, templates, runtime, pipec's
 * own code, --set) hash to the fingerprint recorded by the last compile, determinism guarantees the
 * generated output is byte-identical to the base copies — so "is the folder up to date?" only needs
 * the manifest and the files on disk, not the checker and the emitters (most of a compile's time).
 *
 * The record lives in `.pipec/cache/last-compile.json`, git-ignored through `.pipec/.gitignore`: it
 * depends on the pipec build, and CI must not see a diff when a colleague's pipec differs.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from './hash.js';
import { hasConflictMarkers } from './merge-text.js';
import { readIfExists } from './disk-state.js';
import { parseManifest } from './manifest.js';
import { BASE_PREFIX, MANIFEST_PATH, PIPEC_DIR, TXN_DIR } from './safe-path.js';

/** Path of the record, relative to the output root. */
export const CACHE_PATH = `${PIPEC_DIR}/cache/last-compile.json`;
/** `.pipec/.gitignore`, keeping the cache out of version control. */
export const PIPEC_GITIGNORE_PATH = `${PIPEC_DIR}/.gitignore`;
export const PIPEC_GITIGNORE = '# Written by pipec: the compile cache depends on the local pipec build.\ncache/\n';

/** What the last compile recorded. */
export interface CompileRecord {
  fingerprint: string;
  /** sha256 of the manifest text that compile wrote (a hand-edited manifest invalidates the record). */
  manifestSha256: string;
  /** Runtime-owned seed files that must exist (else the slow path re-creates them). */
  seeds: string[];
}

/** Text of the record (stable key order, final newline). */
export function serializeRecord(r: CompileRecord): string {
  return `${JSON.stringify({ fingerprint: r.fingerprint, manifestSha256: r.manifestSha256, seeds: [...r.seeds].sort() }, null, 2)}\n`;
}

/**
 * True when the folder is certainly up to date for inputs hashing to `fingerprint`: the record
 * matches, the manifest is the one recorded, no transaction is pending, every managed file is either
 * unedited or edited without conflict markers (a `keep`), every base copy and seed exists, and no
 * generated file was deleted. Anything else returns false and the caller takes the full path.
 */
export function isUpToDateFast(outDir: string, fingerprint: string): boolean {
  const recordText = readIfExists(join(outDir, CACHE_PATH));
  const manifestText = readIfExists(join(outDir, MANIFEST_PATH));
  if (recordText === null || manifestText === null || existsSync(join(outDir, TXN_DIR))) return false;
  let record: CompileRecord;
  try {
    record = JSON.parse(recordText) as CompileRecord;
  } catch {
    return false;
  }
  if (record.fingerprint !== fingerprint || record.manifestSha256 !== sha256(manifestText)) return false;
  if (!Array.isArray(record.seeds) || !record.seeds.every((s) => typeof s === 'string' && existsSync(join(outDir, s)))) return false;
  const parsed = parseManifest(manifestText);
  if ('error' in parsed) return false;
  for (const f of parsed.manifest.files) {
    const disk = readIfExists(join(outDir, f.path));
    // A deleted file is a `keep` too, but the full path explains it; it is rare enough.
    if (disk === null) return false;
    if (sha256(disk) !== f.sha256 && hasConflictMarkers(disk)) return false;
    if (!existsSync(join(outDir, BASE_PREFIX + f.path))) return false;
  }
  return true;
}
