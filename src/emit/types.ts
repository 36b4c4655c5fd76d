/** Contract of every emitter: a pure function from the IR to files. Only cli/ writes them to disk. */
import type { Ir } from '../ir/schema.js';
import type { EmitAssets } from './assets.js';

/** One generated file. `path` is POSIX, relative to the output folder, never absolute, never `..`. */
export interface OutputFile {
  path: string;
  contents: string;
  /** Set the executable bit when written (shell scripts). */
  executable?: boolean;
  /**
   * IR sections this file was generated from (`data`, `features`, `epochs.005`, ...): used by the
   * manifest, `pipec plan`, and cache keys, to say which spec change caused which file change.
   */
  sources: string[];
}

/** An emitter: pure, deterministic, no fs/process access. */
export type Emitter = (ir: Ir, assets: EmitAssets) => OutputFile[];
