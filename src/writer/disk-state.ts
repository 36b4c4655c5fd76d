/**
 * Reads what reconcile needs from an output folder: the manifest, the base copies and the current
 * content of every path pipec manages or is about to manage — and nothing else, so the cost of a
 * no-op recompile grows with the generated tree, never with data/, mlruns or .venv.
 */
import { existsSync, lstatSync, readFileSync, realpathSync } from 'node:fs';
import { join, relative, isAbsolute } from 'node:path';
import { BASE_PREFIX, MANIFEST_PATH, parentDirs } from './safe-path.js';
import { emptyManifest, parseManifest, type Manifest } from './manifest.js';
import type { WRITER_CODES } from '../diagnostics/codes-writer.js';

/** The folder-level codes (PC95xx) an OutputFolderError may carry. */
type WriterCode = (typeof WRITER_CODES)[number]['code'];

/** A problem with the output folder itself (not a bug, not the spec): becomes a PC95xx diagnostic. */
export class OutputFolderError extends Error {
  constructor(
    readonly code: WriterCode,
    message: string,
  ) {
    super(message);
  }
}

/** Read a UTF-8 file, or null when it does not exist. */
export function readIfExists(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw e;
  }
}

/** The last manifest, or an empty one for a folder pipec never wrote. */
export function readManifest(outDir: string): Manifest {
  const text = readIfExists(join(outDir, MANIFEST_PATH));
  if (text === null) return emptyManifest();
  const parsed = parseManifest(text);
  if ('error' in parsed) {
    throw new OutputFolderError('PC9502', `${MANIFEST_PATH} in ${outDir} is not a pipec manifest: ${parsed.error}`);
  }
  return parsed.manifest;
}

/**
 * Refuse paths that would leave the output folder through a symbolic link: a link as the file itself
 * (we would read or replace something else) or as a parent folder pointing outside `outDir`.
 */
export function assertInside(outDir: string, paths: Iterable<string>): void {
  if (!existsSync(outDir)) return;
  const root = realpathSync(outDir);
  const checkedDirs = new Set<string>();
  for (const p of paths) {
    for (const dir of parentDirs(p)) {
      if (checkedDirs.has(dir)) continue;
      checkedDirs.add(dir);
      const abs = join(outDir, dir);
      const st = lstatOrNull(abs);
      if (st?.isSymbolicLink()) {
        const rel = relative(root, realpathSync(abs));
        if (rel.startsWith('..') || isAbsolute(rel)) {
          throw new OutputFolderError('PC9501', `${join(outDir, dir)} is a symbolic link leading outside ${outDir}; pipec will not write through it`);
        }
      }
    }
    if (lstatOrNull(join(outDir, p))?.isSymbolicLink()) {
      throw new OutputFolderError('PC9501', `${join(outDir, p)} is a symbolic link; pipec manages regular files only`);
    }
  }
}

function lstatOrNull(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

/** Current contents of the given paths (null when absent). */
export function readDiskState(outDir: string, paths: Iterable<string>): Map<string, string | null> {
  const disk = new Map<string, string | null>();
  for (const p of paths) disk.set(p, readIfExists(join(outDir, p)));
  return disk;
}

/** Reader of base copies (`.pipec/base/<path>`), for reconcile's lazy merge base. */
export const baseReader =
  (outDir: string) =>
  (path: string): string | null =>
    readIfExists(join(outDir, BASE_PREFIX + path));
