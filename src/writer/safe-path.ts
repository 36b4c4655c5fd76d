/**
 * Validation of generated paths before anything touches the disk. The writer must never write
 * outside `--out`, so every OutputFile path is checked here (pure) and again against symlinks on disk
 * (see disk-state.ts), because a lexically clean path can still escape through a symlinked folder.
 */

/** Folder (relative to the output root) where the manifest and the merge bases live. */
export const PIPEC_DIR = '.pipec';
/** The manifest file, relative to the output root. */
export const MANIFEST_PATH = `${PIPEC_DIR}/manifest.json`;
/** Prefix of the base copies (last generated content of each managed file). */
export const BASE_PREFIX = `${PIPEC_DIR}/base/`;
/** Transaction folder inside the output root (same filesystem, so renames are atomic). */
export const TXN_DIR = '.pipec-txn';

/**
 * Why `path` is not acceptable as a generated file path, or null when it is: POSIX, relative, no
 * `.`/`..`/empty segments, no backslashes or NULs, and not inside pipec's own bookkeeping folders.
 */
export function pathProblem(path: string): string | null {
  if (path.length === 0) return 'empty path';
  if (path.includes('\0')) return 'contains a NUL character';
  if (path.includes('\\')) return 'contains a backslash (paths are POSIX)';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'is absolute';
  for (const seg of path.split('/')) {
    if (seg === '') return 'has an empty segment';
    if (seg === '.' || seg === '..') return `has a "${seg}" segment`;
  }
  if (path === MANIFEST_PATH || path.startsWith(BASE_PREFIX) || path.startsWith(`${PIPEC_DIR}/cache/`) || path === `${PIPEC_DIR}/.gitignore`) {
    return 'is reserved for the pipec manifest';
  }
  if (path === TXN_DIR || path.startsWith(`${TXN_DIR}/`) || path.startsWith(`${TXN_DIR}.`)) return 'is reserved for pipec transactions';
  return null;
}

/** Throws when any path is unsafe or appears twice: both are emitter bugs, never user errors. */
export function assertSafePaths(paths: readonly string[]): void {
  const seen = new Set<string>();
  for (const p of paths) {
    const problem = pathProblem(p);
    if (problem) throw new Error(`refusing to write generated path ${JSON.stringify(p)}: ${problem}`);
    if (seen.has(p)) throw new Error(`generated path ${JSON.stringify(p)} is emitted twice`);
    seen.add(p);
  }
}

/** Every proper parent folder of a POSIX path (`a/b/c.txt` → `a`, `a/b`). */
export function parentDirs(path: string): string[] {
  const segs = path.split('/');
  const out: string[] = [];
  for (let i = 1; i < segs.length; i++) out.push(segs.slice(0, i).join('/'));
  return out;
}
