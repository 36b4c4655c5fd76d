/** `pipec check`: read and check every spec, print diagnostics in the chosen format, return the exit code. */
import type { Diagnostic } from '../../diagnostics/types.js';
import { sortDiagnostics, hasErrors } from '../../diagnostics/types.js';
import { EXIT_FINDINGS, EXIT_OK } from '../exit.js';
import { checkSource, readSpecFile } from '../load-spec.js';
import { createLibraryLoader } from '../load-stdlib.js';
import { colorFor, formatDiagnostics, type DiagnosticFormat } from './output.js';

/** Options of `pipec check` as commander parses them. */
export interface CheckOptions {
  format: DiagnosticFormat;
  /** false with `--no-color`. */
  color?: boolean;
}

/** Run the verb; exit 0 when clean or warnings only, 1 with errors. Unreadable files throw UsageError (exit 2). */
export async function runCheck(specs: readonly string[], opts: CheckOptions): Promise<number> {
  // Read every file first so a typo in the last path fails before any output (exit 2, nothing half-printed).
  const files = specs.map(readSpecFile);
  const loader = createLibraryLoader();
  const all: Diagnostic[] = [];
  const sources = new Map<string, string>();
  for (const file of files) {
    // Diagnostics only: no lowering to the IR (see CheckOptions.lower).
    const checked = await checkSource(file, loader, { lower: false });
    all.push(...checked.diagnostics);
    for (const [k, v] of checked.sources) sources.set(k, v);
  }
  const diags = sortDiagnostics(all);
  const text = formatDiagnostics(diags, {
    format: opts.format,
    color: colorFor(process.stdout, opts.color),
    files: specs.length,
    sources,
  });
  process.stdout.write(text);
  return hasErrors(diags) ? EXIT_FINDINGS : EXIT_OK;
}
