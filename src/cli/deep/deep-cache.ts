/**
 * The cache of `pipec check --deep` results, keyed by the data file's fingerprint, the request (the
 * spec's data, features and metric sections as the deep check sees them) and the deep check's own
 * source, so a second run on unchanged data answers without starting Python.
 * Location: PIPEC_DEEP_CACHE_DIR, else $XDG_CACHE_HOME/pipec/deep, else ~/.cache/pipec/deep.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { DeepRequest, DeepResult } from './deep-types.js';

const MIB = 1024 * 1024;

/** The cache folder. */
export function deepCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PIPEC_DEEP_CACHE_DIR) return env.PIPEC_DEEP_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'pipec', 'deep');
}

/**
 * Fingerprint of a data file: size, modification time, and sha256 of its first and last MiB. Reading
 * a 50 MB file whole would cost more than the cached answer is allowed to take; any rewrite changes
 * the modification time.
 */
export function dataFingerprint(path: string): string {
  const st = statSync(path);
  const h = createHash('sha256');
  h.update(`${st.size}\u0000${Math.round(st.mtimeMs)}\u0000`);
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(Math.min(MIB, st.size));
    for (const at of st.size > 2 * MIB ? [0, st.size - MIB] : [0]) {
      const n = readSync(fd, buf, 0, buf.length, at);
      h.update(buf.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return h.digest('hex');
}

/** The cache key of a request on a file, given the deep check's source text. */
export function deepCacheKey(req: DeepRequest, fingerprint: string, scriptText: string): string {
  const { path: _path, ...sections } = req;
  return createHash('sha256')
    .update(JSON.stringify({ fingerprint, sections, script: createHash('sha256').update(scriptText).digest('hex') }))
    .digest('hex');
}

/** A cached result, or null. A damaged entry counts as a miss. */
export function readDeepCache(dir: string, key: string): DeepResult | null {
  try {
    return JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8')) as DeepResult;
  } catch {
    return null;
  }
}

/** Store a result atomically (write then rename). A cache that cannot be written is skipped. */
export function writeDeepCache(dir: string, key: string, result: DeepResult): void {
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `.${key}.${process.pid}.tmp`);
    writeFileSync(tmp, `${JSON.stringify(result)}\n`);
    renameSync(tmp, join(dir, `${key}.json`));
  } catch {
    // A read-only home is no reason to fail the check.
  }
}
