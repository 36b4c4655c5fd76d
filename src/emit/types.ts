/** One generated file: what every pure emitter returns. Only cli/ writes them to disk. */

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
