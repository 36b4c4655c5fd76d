/**
 * Inputs an emitter needs besides the IR: template texts and the runtime's Python sources. They are
 * read from disk by the CLI (src/cli/load-assets.ts) and passed in, so emitters stay pure.
 * Keys are POSIX paths relative to `stdlib/templates/` and `runtime/python/pipec_runtime/`.
 */
import type { PipecSource } from './ci/install-source.js';

export interface EmitAssets {
  templates: ReadonlyMap<string, string>;
  runtime: ReadonlyMap<string, string>;
  /**
   * Pinned source of the compiling pipec for the generated CI and hooks (src/cli/pipec-source.ts);
   * absent or null: unknown, and the generated install step says how to set it.
   */
  pipecSource?: PipecSource | null;
}
