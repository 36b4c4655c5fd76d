/**
 * Locates pipec's own files (stdlib/, runtime/python/) and loads `use` libraries from stdlib/.
 * The package root is found by walking up from this module, so it works from the dist/ bundle
 * (dist/pipec.js, dist/chunks/*.js) and from src/cli/ under vitest alike.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceFile } from '../diagnostics/types.js';
// The compiler owns the name → path mapping (and its refusal of names that could leave stdlib/).
import { libraryPath } from '../compiler/stdlib-loader.js';

/** Display prefix of stdlib files in diagnostics (never an absolute path: output stays machine-independent). */
export const STDLIB_PREFIX = '<stdlib>';

let cachedRoot: string | undefined;

/** The folder holding pipec's package.json. Throws (an internal error) if the install is broken. */
export function packageRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && existsSync(join(dir, 'stdlib'))) {
      const name = (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: unknown }).name;
      if (name === 'pipec') return (cachedRoot = dir);
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the pipec package root (stdlib/ missing from the installation)');
    dir = up;
  }
}


/** Loads libraries by name and remembers every text it returned (the renderers need them for frames). */
export interface LibraryLoader {
  /** The `loadLibrary` option of checkSpec: the library's source, or null when it does not exist. */
  load(name: string): SourceFile | null;
  /** Every library file loaded so far, by display path. */
  readonly loaded: ReadonlyMap<string, string>;
}

/** A loader over `<root>/stdlib` (defaults to the package's own stdlib). Reads each file at most once. */
export function createLibraryLoader(root: string = join(packageRoot(), 'stdlib')): LibraryLoader {
  const loaded = new Map<string, string>();
  return {
    loaded,
    load(name) {
      const rel = libraryPath(name);
      if (rel === null) return null;
      const path = `${STDLIB_PREFIX}/${rel}`;
      const known = loaded.get(path);
      if (known !== undefined) return { path, text: known };
      const abs = join(root, ...rel.split('/'));
      if (!existsSync(abs) || !statSync(abs).isFile()) return null;
      const text = readFileSync(abs, 'utf8');
      loaded.set(path, text);
      return { path, text };
    },
  };
}
