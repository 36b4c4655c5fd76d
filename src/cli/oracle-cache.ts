/**
 * The disk cache of the feasibility oracle for `pipec check` (src/compiler/feasibility/oracle.ts): one
 * small JSON file per sha256 of the key (everything the answer depends on), so re-checking an unchanged
 * data block costs a file read instead of a simulation. Location: PIPEC_ORACLE_CACHE_DIR, else
 * $XDG_CACHE_HOME/pipec/oracle, else ~/.cache/pipec/oracle. Any failure is a miss, never an error.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { OracleCache } from '../compiler/index.js';
import type { OracleMetric } from '../ir/feasibility-schema.js';
import { PIPEC_VERSION } from '../version.js';

/** The cache folder. */
export function oracleCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PIPEC_ORACLE_CACHE_DIR) return env.PIPEC_ORACLE_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'pipec', 'oracle');
}

/** A disk-backed OracleCache in `dir`. */
export function diskOracleCache(dir: string = oracleCacheDir()): OracleCache {
  const file = (key: string): string => join(dir, `${createHash('sha256').update(`${PIPEC_VERSION}\u0000${key}`).digest('hex')}.json`);
  return {
    get(key) {
      try {
        return JSON.parse(readFileSync(file(key), 'utf8')) as OracleMetric[];
      } catch {
        return undefined;
      }
    },
    set(key, value) {
      try {
        mkdirSync(dir, { recursive: true });
        const path = file(key);
        const tmp = `${path}.${process.pid}.tmp`;
        writeFileSync(tmp, JSON.stringify(value));
        renameSync(tmp, path);
      } catch {
        // A read-only home only costs the next check a simulation.
      }
    },
  };
}
