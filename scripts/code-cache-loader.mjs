// Runtime half of the compiler code cache (bundled into dist/ by scripts/build.mjs; not run from here).
//
// Node 20 has no module compile cache (module.enableCompileCache arrived in Node 22), and compiling
// the compiler bundle (chevrotain, zod, the checks: ~1 MB of JS) costs `pipec check` a large share of its
// start-up. So the compiler is also built as one CommonJS file and loaded through `vm.Script` with V8's
// `cachedData`: the first run compiles it and stores the code cache (after checking a spec, so the
// functions compiled lazily are in it); later runs skip the compilation.
//
// The cache is only ever an accelerator: any failure (read-only or missing directory, foreign owner,
// data rejected by V8 after a Node upgrade) falls back to compiling, silently. PIPEC_NO_CODE_CACHE=1
// turns it off; PIPEC_CODE_CACHE_DIR puts it in a directory of your choice (tests use it).
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import vm from 'node:vm';

/**
 * Candidate cache directories, best first: the package's node_modules/.cache (the usual place for
 * tool caches), then a per-user directory in the temp dir.
 */
function cacheDirs(bundleDir) {
  if (process.env.PIPEC_CODE_CACHE_DIR) return [process.env.PIPEC_CODE_CACHE_DIR];
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  return [join(bundleDir, '..', '..', 'node_modules', '.cache', 'pipec'), join(tmpdir(), `pipec-code-cache-${uid}`)];
}

/** A directory we may trust with code: created if missing, and (on POSIX) owned by us and not writable by others. */
function usableDir(dir) {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = statSync(dir);
    if (!st.isDirectory()) return false;
    if (typeof process.getuid === 'function' && (st.uid !== process.getuid() || (st.mode & 0o022) !== 0)) return false;
    return true;
  } catch {
    return false;
  }
}

/** Read the first existing cache file among the candidates; `undefined` when there is none. */
function readCache(name, dirs) {
  for (const dir of dirs) {
    try {
      const p = join(dir, name);
      const st = statSync(p);
      if (typeof process.getuid === 'function' && st.uid !== process.getuid()) continue;
      return readFileSync(p);
    } catch {
      // Not there: try the next one.
    }
  }
  return undefined;
}

/** Caches of other builds would pile up over rebuilds: a new cache replaces them (a process still using one just recompiles). */
function dropOthers(dir, keep) {
  for (const other of readdirSync(dir)) {
    if (other === keep || !other.endsWith('.v8cache')) continue;
    try {
      unlinkSync(join(dir, other));
    } catch {
      // Removed concurrently.
    }
  }
}

/** Write the cache atomically into the first directory that takes it; failures are ignored. */
function writeCache(name, dirs, data) {
  for (const dir of dirs) {
    if (!usableDir(dir)) continue;
    const p = join(dir, name);
    const tmp = `${p}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, data, { mode: 0o600 });
      renameSync(tmp, p);
      dropOthers(dir, name);
      return;
    } catch {
      // Read-only or full: try the next one.
    }
  }
}

/**
 * Load the CommonJS bundle `file` (content hash `hash`, baked in at build time) with a V8 code cache.
 * Returns its exports plus `afterFirstUse()`, to be called once the bundle has done representative
 * work: it stores the cache when there was none or V8 rejected it.
 */
export function loadWithCodeCache(file, hash) {
  const source = readFileSync(file, 'utf8');
  const off = process.env.PIPEC_NO_CODE_CACHE === '1';
  // V8 also checks its own version and flags, but the name keeps caches of several Node versions apart.
  const name = `${hash}-${process.version}-${process.arch}.v8cache`;
  const dirs = off ? [] : cacheDirs(dirname(file));
  const cachedData = off ? undefined : readCache(name, dirs);
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapper, { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  let pending = !off && (cachedData === undefined || script.cachedDataRejected === true);
  return {
    exports: module.exports,
    afterFirstUse() {
      if (!pending) return;
      pending = false;
      try {
        writeCache(name, dirs, script.createCachedData());
      } catch {
        // The cache is optional.
      }
    },
  };
}
