/** `pipec check`: read and check every spec, print diagnostics in the chosen format, return the exit code. */
import type { Diagnostic } from '../../diagnostics/types.js';
import { sortDiagnostics, hasErrors } from '../../diagnostics/types.js';
import { EXIT_FINDINGS, EXIT_OK } from '../exit.js';
import { checkSource, readSpecFile } from '../load-spec.js';
import { createLibraryLoader } from '../load-stdlib.js';
import { diskOracleCache } from '../oracle-cache.js';
import { colorFor, formatDiagnostics, type DiagnosticFormat, type FeasibilityEntry } from './output.js';

/** Options of `pipec check` as commander parses them. */
export interface CheckOptions {
  format: DiagnosticFormat;
  /** false with `--no-color`. */
  color?: boolean;
  /** false with `--no-feasibility`: skip the oracle and resource estimates. */
  feasibility?: boolean;
  /** `--deep`: fit quick baselines on file data through the Python runtime (cached). */
  deep?: boolean;
  /** `--python`: the interpreter for `--deep`. */
  python?: string;
}

/** Run the verb; exit 0 when clean or warnings only, 1 with errors. Unreadable files throw UsageError (exit 2). */
export async function runCheck(specs: readonly string[], opts: CheckOptions): Promise<number> {
  // Read every file first so a typo in the last path fails before any output (exit 2, nothing half-printed).
  const files = specs.map(readSpecFile);
  const loader = createLibraryLoader();
  const all: Diagnostic[] = [];
  const feasibility: FeasibilityEntry[] = [];
  const sources = new Map<string, string>();
  // The oracle's answers survive between checks (editors and hooks re-check unchanged data blocks).
  const oracleCache = diskOracleCache();
  for (const file of files) {
    // --deep needs the IR (data path, target, gates); plain check stops before lowering's validation.
    const checked = await checkSource(file, loader, { lower: opts.deep === true, validateIr: false, feasibility: opts.feasibility !== false || opts.deep === true, oracleCache });
    all.push(...checked.diagnostics);
    for (const [k, v] of checked.sources) sources.set(k, v);
    if (!checked.feasibility) continue;
    const entry: FeasibilityEntry = { file: file.path, feasibility: checked.feasibility };
    if (opts.deep && checked.ir) {
      const { deepCheck, deepDiagnostics } = await import('../deep/index.js');
      const deep = deepCheck(checked.ir, file.path, { python: opts.python });
      if (deep && 'code' in deep) all.push(deep);
      else if (deep) {
        entry.deep = deep;
        all.push(...deepDiagnostics(deep, checked.gateLocations));
      }
    }
    feasibility.push(entry);
  }
  const diags = sortDiagnostics(all);
  const text = formatDiagnostics(diags, {
    format: opts.format,
    color: colorFor(process.stdout, opts.color),
    files: specs.length,
    sources,
    // Always present in json (an empty list when nothing was assessed), so consumers need no key test.
    feasibility,
  });
  process.stdout.write(text);
  return hasErrors(diags) ? EXIT_FINDINGS : EXIT_OK;
}
