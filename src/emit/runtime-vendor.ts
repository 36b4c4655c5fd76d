/** Vendors the Python runtime (assets.runtime) into `src/pipec_runtime/` of the generated project. */
import { makeFile } from './files.js';
import type { OutputFile } from './types.js';
import type { EmitContext } from './view-model.js';

/** Files that must never be vendored (caches, compiled files, tests of the runtime itself). */
function isVendored(key: string): boolean {
  return !key.split('/').some((p) => p === '__pycache__' || p === 'tests') && !key.endsWith('.pyc');
}

/** One output file per runtime source, same relative path under `src/pipec_runtime/`. */
export function emitRuntimeVendor(ctx: EmitContext): OutputFile[] {
  return [...ctx.assets.runtime.entries()]
    .filter(([key]) => isVendored(key))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, text]) => makeFile(`src/pipec_runtime/${key}`, text, ['runtime']));
}
