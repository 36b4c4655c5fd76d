/**
 * How the compiler gets library sources without touching the disk: the caller (the CLI, or a test)
 * passes a loader. `use lifecycle.domino_standard` asks for `lifecycle.domino_standard`; the disk
 * loader maps it to `stdlib/lifecycle/domino_standard.pipeline`.
 */
import type { SourceFile } from '../diagnostics/types.js';
import type { DataSample } from './data-sample.js';
import type { OracleMetric } from '../ir/feasibility-schema.js';

/** Returns the library's source (path shown in diagnostics, e.g. `<stdlib>/lifecycle/x.pipeline`), or null if unknown. */
export type LibraryLoader = (name: string) => SourceFile | null;

/** Options of checkSpec. */
export interface CheckOptions {
  loadLibrary: LibraryLoader;
  /**
   * `false` stops after the checks, so `ir` is null even for a clean spec: `pipec check` needs only the
   * diagnostics (lowering never reports any), and skipping it and the IR validation saves time.
   */
  lower?: boolean;
  /**
   * The header and sample of the spec's data file, read by the CLI (see data-file-of.ts); absent when
   * the caller did not look (tests of pure checks), in which case the data-aware checks stay silent.
   */
  data?: DataSample | null;
  /**
   * `false` returns the lowered IR without validating it against IrSchema (a check of pipec itself):
   * for callers that only read it (`pipec check --deep`), never for one that emits or writes it.
   */
  validateIr?: boolean;
  /**
   * `false` skips the feasibility pass (src/compiler/feasibility: oracle simulation, resource
   * estimates) and the IR's `feasibility` block. Default: run it.
   */
  feasibility?: boolean;
  /**
   * Where the oracle's answers may be kept between runs (the CLI gives a disk cache): the simulation is
   * a pure function of the data section, so an unchanged spec need not simulate again.
   */
  oracleCache?: OracleCache;
}

/** A key-value store for oracle results; keys are canonical JSON of everything the result depends on. */
export interface OracleCache {
  get(key: string): OracleMetric[] | undefined;
  set(key: string, value: OracleMetric[]): void;
}

/** The stdlib-relative path of a library name: `lifecycle.domino_standard` → `lifecycle/domino_standard.pipeline`. */
export function libraryPath(name: string): string | null {
  // Only plain dotted identifiers: a library name must never walk out of stdlib/.
  if (!/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/.test(name)) return null;
  return `${name.split('.').join('/')}.pipeline`;
}

/** A loader over an in-memory table (tests, the browser playground, the CLI's preloaded stdlib). */
export function memoryLoader(files: Record<string, string>): LibraryLoader {
  return (name) => {
    const rel = libraryPath(name);
    const text = rel === null ? undefined : files[rel];
    return rel !== null && text !== undefined ? { path: `<stdlib>/${rel}`, text } : null;
  };
}
