/** Test helper: a LibraryLoader reading the repository's stdlib/ from disk (the CLI has its own). */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { libraryPath, type LibraryLoader } from '../../../src/compiler/index.js';

/** The repository root (this file is test/compiler/helpers/). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Loader over `<repo>/stdlib`; paths in diagnostics are `<stdlib>/...` so goldens never hold absolute paths. */
export function diskLoader(root: string = join(REPO_ROOT, 'stdlib')): LibraryLoader {
  return (name) => {
    const rel = libraryPath(name);
    if (rel === null) return null;
    const file = join(root, rel);
    return existsSync(file) ? { path: `<stdlib>/${rel}`, text: readFileSync(file, 'utf8') } : null;
  };
}

/** Read a repository file as a SourceFile with a repo-relative path. */
export function repoSource(rel: string): { path: string; text: string } {
  return { path: rel, text: readFileSync(join(REPO_ROOT, rel), 'utf8') };
}
