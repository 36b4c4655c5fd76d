/**
 * Reads the emitter assets from the installed package: Handlebars templates under `stdlib/templates/`
 * and the runtime's sources under `runtime/python/pipec_runtime/`. Keys are POSIX paths relative to
 * those folders, in sorted order, so emitters see the same map on every OS.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EmitAssets } from '../emit/assets.js';

/** Folders (relative to the package root) the assets come from. */
export const TEMPLATES_DIR = 'stdlib/templates';
export const RUNTIME_DIR = 'runtime/python/pipec_runtime';

/**
 * The package root: the nearest ancestor of this module holding pipec's package.json. Works from
 * `src/cli/` (tests, tsx) and from the bundled `dist/`.
 */
export function findPackageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'pipec') return dir;
      } catch {
        // Not a readable package.json: keep walking up.
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`pipec package root not found above ${from}`);
    dir = parent;
  }
}

/** Skipped while reading: caches and editor/OS litter never belong in generated projects. */
function isAssetFile(name: string): boolean {
  return !name.endsWith('.pyc') && name !== '.DS_Store' && !name.endsWith('~');
}

/** All files under `root` as POSIX-relative path → UTF-8 text, sorted by path. */
export async function readTextTree(root: string): Promise<Map<string, string>> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && isAssetFile(e.name))
    .map((e) => join(e.parentPath, e.name))
    .filter((p) => !relative(root, p).split(sep).includes('__pycache__'))
    .sort();
  const out = new Map<string, string>();
  for (const file of files) {
    // Normalise line endings so a checkout with CRLF still emits byte-identical projects.
    out.set(relative(root, file).split(sep).join('/'), (await readFile(file, 'utf8')).replace(/\r\n?/g, '\n'));
  }
  return new Map([...out.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Loads templates and runtime sources from the package root (default: the installed pipec). */
export async function loadAssets(root: string = findPackageRoot()): Promise<EmitAssets> {
  const [templates, runtime] = await Promise.all([
    readTextTree(join(root, TEMPLATES_DIR)),
    existsSync(join(root, RUNTIME_DIR)) ? readTextTree(join(root, RUNTIME_DIR)) : Promise.resolve(new Map<string, string>()),
  ]);
  return { templates, runtime };
}
