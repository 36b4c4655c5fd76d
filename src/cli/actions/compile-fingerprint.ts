/**
 * The input fingerprint of a compile, for the writer's no-op fast path (src/writer/fast-path.ts):
 * sha256 over everything the generated output is a function of — the spec text, pipec's stdlib and
 * templates, the vendored runtime sources, `--set`, and pipec's own code (the built bundle, so a
 * rebuilt pipec never trusts an old record). Emitters are pure and deterministic, so equal
 * fingerprints mean byte-identical output. Returns null when pipec runs from sources (tests): there
 * is no bundle to hash, and the full path is always correct.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PIPEC_VERSION } from '../../version.js';
import { packageRoot } from '../load-stdlib.js';

/** Files under `dir` (recursive), sorted, skipping caches. */
function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.endsWith('.pyc') && !e.name.endsWith('.map'))
    .map((e) => join(e.parentPath, e.name))
    .filter((p) => !p.includes('__pycache__'))
    .sort();
}

/** The bundle folder (dist/) when running from it. */
function bundleDir(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  const dist = basename(here) === 'chunks' ? dirname(here) : here;
  return basename(dist) === 'dist' && existsSync(join(dist, 'pipec.js')) ? dist : null;
}

/** sha256 hex fingerprint, or null when it cannot be computed reliably. */
export function inputFingerprint(specText: string, sets: readonly string[]): string | null {
  const dist = bundleDir();
  if (dist === null) return null;
  const root = packageRoot();
  const h = createHash('sha256');
  const put = (label: string, data: string | Buffer) => {
    h.update(`${label}\u0000${data.length}\u0000`);
    h.update(data);
  };
  put('version', PIPEC_VERSION);
  put('spec', specText);
  put('sets', JSON.stringify(sets));
  for (const dir of [dist, join(root, 'stdlib'), join(root, 'runtime', 'python', 'pipec_runtime')]) {
    for (const file of listFiles(dir)) put(file.slice(root.length), readFileSync(file));
  }
  return h.digest('hex');
}
