/**
 * The keys of the compiled project as it is on disk: the manifest's list of generated files (paths,
 * sources, modes) with the contents now on disk, and `.pipec/ir.json`, fed to the same function the
 * compiler uses (src/ir/cache-keys.ts). Reading the disk, not the manifest's hashes, means a hand edit
 * to an epoch's script counts as a code change too.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { epochKeySets, type EpochKeys, type KeyedFile } from '../ir/cache-keys.js';
import type { Ir } from '../ir/schema.js';
import { parseManifest } from '../writer/manifest.js';

/** Keys per epoch id, or null when the project has no manifest (not compiled by pipec: flags decide). */
export function currentKeys(root: string, ir: Ir): Record<string, EpochKeys> | null {
  const file = join(root, '.pipec', 'manifest.json');
  if (!existsSync(file)) return null;
  const parsed = parseManifest(readFileSync(file, 'utf8'));
  if ('error' in parsed) return null;
  const files: KeyedFile[] = parsed.manifest.files.map((f) => ({
    path: f.path,
    sources: f.sources,
    executable: f.executable,
    // A deleted file is a change like any other: it hashes as empty.
    contents: readIfPresent(join(root, f.path)),
  }));
  return epochKeySets(ir, files);
}

function readIfPresent(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
