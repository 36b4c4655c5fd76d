/**
 * Reading spec files given on the command line, and the one "read + check" path every verb that needs
 * a checked spec (check, inspect, graph, compile, plan) goes through, so they agree on diagnostics.
 * A file that cannot be read is a usage error (exit 2), never a stack trace.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Diagnostic, Range, SourceFile } from '../diagnostics/types.js';
import { hasErrors, sortDiagnostics } from '../diagnostics/types.js';
import type { DataSample } from '../compiler/data-sample.js';
import type { Ir } from '../ir/schema.js';
import type { OracleCache } from '../compiler/index.js';
import type { Feasibility } from '../ir/feasibility-schema.js';
import { UsageError } from './exit.js';
import { createLibraryLoader, type LibraryLoader } from './load-stdlib.js';

const reasons: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a parent is not a directory',
  ELOOP: 'too many symbolic links',
};

/** Read a spec as given on the command line; its display path is exactly what the user typed. */
export function readSpecFile(path: string): SourceFile {
  try {
    if (statSync(path).isDirectory()) throw new UsageError(`cannot read spec "${path}": it is a directory`);
    // A UTF-8 byte-order mark is not part of the spec; editors do not count it as a column either.
    return { path, text: readFileSync(path, 'utf8').replace(/^\uFEFF/, '') };
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? '';
    throw new UsageError(`cannot read spec "${path}": ${reasons[code] ?? (err as Error).message}`);
  }
}

/** Result of checking one spec, with everything needed to render its diagnostics. */
export interface CheckedSpec {
  file: SourceFile;
  /** Sorted, de-duplicated. */
  diagnostics: Diagnostic[];
  /** The IR when there were no errors. */
  ir: Ir | null;
  /** The feasibility pass's block (src/compiler/feasibility), also when `lower: false`; null if it did not run. */
  feasibility: Feasibility | null;
  /** Where each gate rule was written (rule id → location). */
  gateLocations: Record<string, { file: string; range: Range }>;
  /** Text of every file a diagnostic may point at (the spec and the stdlib files it used). */
  sources: ReadonlyMap<string, string>;
}

/** Read and check one spec with the package's stdlib. Compiler modules are imported lazily (start-up time). */
export async function loadAndCheck(path: string, loader: LibraryLoader = createLibraryLoader()): Promise<CheckedSpec> {
  const file = readSpecFile(path);
  return checkSource(file, loader);
}

/** Check an already-read source (also used by tests and the benchmark). */
export async function checkSource(
  file: SourceFile,
  loader: LibraryLoader = createLibraryLoader(),
  options: { lower?: boolean; readData?: boolean; validateIr?: boolean; feasibility?: boolean; oracleCache?: OracleCache } = {},
): Promise<CheckedSpec> {
  const { parseSpec, checkSyntax, dataFileOf } = await import('../compiler/index.js');
  const parsed = parseSpec(file);
  const sources = new Map<string, string>([[file.path, file.text]]);
  if (hasErrors(parsed.diagnostics)) return { file, diagnostics: sortDiagnostics(parsed.diagnostics), ir: null, feasibility: null, gateLocations: {}, sources };
  // The checks are pure: the CLI reads the data file's header and sample first (issue 12).
  const named = options.readData === false ? null : dataFileOf(parsed.syntax);
  const data = named ? await readSpecData(file.path, named.path, named.format) : undefined;
  const result = checkSyntax(parsed.syntax, { loadLibrary: (name: string) => loader.load(name), lower: options.lower, validateIr: options.validateIr, feasibility: options.feasibility, oracleCache: options.oracleCache, data }, parsed.diagnostics);
  for (const [k, v] of loader.loaded) sources.set(k, v);
  return { file, diagnostics: sortDiagnostics(result.diagnostics), ir: result.ir, feasibility: result.feasibility ?? null, gateLocations: result.gateLocations ?? {}, sources };
}

/** The sample of a spec's data file, resolved from the spec's folder. */
async function readSpecData(specPath: string, written: string, format: 'csv' | 'parquet'): Promise<DataSample> {
  const { readDataSample, resolveDataPath } = await import('./read-data-sample.js');
  return readDataSample(resolveDataPath(specPath, written), written, format);
}
