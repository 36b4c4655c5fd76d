/**
 * Inputs an emitter needs besides the IR: template texts and the runtime's Python sources. They are
 * read from disk by the CLI (src/cli/load-assets.ts) and passed in, so emitters stay pure.
 * Keys are POSIX paths relative to `stdlib/templates/` and `runtime/python/pipec_runtime/`.
 */
export interface EmitAssets {
  templates: ReadonlyMap<string, string>;
  runtime: ReadonlyMap<string, string>;
}
