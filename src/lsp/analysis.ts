/**
 * One analysis of an open document, by the compiler's own stages (parse → shape → resolve → checks):
 * the diagnostics are exactly those of `pipec check`, and the intermediate models (syntax tree, shaped
 * project, resolved spec with the stdlib merged) are kept for hover, completion and definitions.
 * No second parser: every feature of the server reads these.
 */
import { parseSpec } from '../grammar/index.js';
import type { SyntaxFile } from '../grammar/syntax.js';
import type { Diagnostic, SourceFile } from '../diagnostics/types.js';
import { hasErrors, sortDiagnostics } from '../diagnostics/types.js';
import type { LifecycleDecl, ProjectDecl } from '../compiler/model.js';
import type { ResolvedSpec } from '../compiler/resolve-model.js';
import type { LibraryLoader } from '../compiler/stdlib-loader.js';
import { checkSyntax } from '../compiler/index.js';
import { dataFileOf } from '../compiler/data-file-of.js';
import type { DataSample } from '../compiler/data-sample.js';
import { Reporter } from '../compiler/report.js';
import { resolveSpec } from '../compiler/resolve-merge.js';
import { resolveUses } from '../compiler/resolve-uses.js';
import { shapeLifecycle, shapeProject } from '../compiler/shape-file.js';

/** Everything the server knows about one version of a document. */
export interface Analysis {
  text: string;
  /** Display path used in diagnostics (the document's file path). */
  path: string;
  syntax: SyntaxFile;
  /** What `pipec check` reports for this text (sorted). */
  diagnostics: Diagnostic[];
  /** The shaped project, also for a file with syntax errors when its `project` block is usable. */
  project: ProjectDecl | null;
  /** The project with its library merged; null when shaping or `use` failed. */
  spec: ResolvedSpec | null;
  /** The lifecycle of a library file (`lifecycle x { ... }`) opened in the editor. */
  lifecycle: LifecycleDecl | null;
}

/**
 * Reads the header and sample of a spec's data file (the CLI's disk reader); null or undefined when it
 * cannot now (a Parquet read still in flight: the server analyses again when it lands).
 */
export type DataReader = (specPath: string, written: string, format: 'csv' | 'parquet') => DataSample | null | undefined;

/** Analyse `text`. Never throws for bad input: a crash in a later stage only loses its models. */
export function analyze(source: SourceFile, loadLibrary: LibraryLoader, reparsed?: SyntaxFile, readData?: DataReader): Analysis {
  // `reparsed`: an error-free tree of exactly this text, from the incremental re-parse (incremental.ts).
  const parsed = reparsed ? { syntax: reparsed, diagnostics: [] as Diagnostic[] } : parseSpec(source);
  const base = { text: source.text, path: source.path, syntax: parsed.syntax };
  const isLibrary = parsed.syntax.statements[0]?.keyword.name === 'lifecycle';
  if (isLibrary) {
    const rep = new Reporter();
    const lifecycle = safely(() => shapeLifecycle(parsed.syntax, rep));
    const diagnostics = hasErrors(parsed.diagnostics) ? parsed.diagnostics : [...parsed.diagnostics, ...rep.diagnostics];
    return { ...base, diagnostics: sortDiagnostics(diagnostics), project: null, spec: null, lifecycle };
  }
  // The published diagnostics are checkSyntax's, exactly as `pipec check` computes them (checks go on
  // past shape errors on sound statements, the data file's sample when the caller reads it). The models
  // are also built on a tree with syntax errors, for hover and completion, their findings unpublished.
  let diagnostics: Diagnostic[] = parsed.diagnostics;
  if (!hasErrors(parsed.diagnostics)) {
    const named = readData ? dataFileOf(parsed.syntax) : null;
    const data = named && readData ? readData(source.path, named.path, named.format) : undefined;
    const checked = safely(() => checkSyntax(parsed.syntax, { loadLibrary, lower: false, data }, parsed.diagnostics));
    if (checked) diagnostics = checked.diagnostics;
  }
  const project = safely(() => shapeProject(parsed.syntax, new Reporter()));
  const spec = project ? safely(() => resolveSpec(project, resolveUses(project, loadLibrary, new Reporter()))) : null;
  return { ...base, diagnostics: sortDiagnostics(diagnostics), project, spec, lifecycle: null };
}

/** Run a model-building step on a possibly broken tree; a crash there must not take the server down. */
function safely<T>(step: () => T): T | null {
  try {
    return step();
  } catch {
    return null;
  }
}
