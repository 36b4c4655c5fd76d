/**
 * Writing diagnostics from any verb in the format the user picked. The stream decides colour
 * (a TTY gets colour unless NO_COLOR / --no-color; FORCE_COLOR forces it).
 */
import type { Diagnostic } from '../../diagnostics/types.js';
import { renderPretty, shouldUseColor } from '../../diagnostics/render-pretty.js';
import { toJsonReport } from '../../diagnostics/render-json.js';
import { renderSarif } from '../../diagnostics/render-sarif.js';
import { describeFeasibility } from '../../ir/feasibility-text.js';
import type { Feasibility } from '../../ir/feasibility-schema.js';
import type { DeepReport } from '../deep/deep-types.js';
import { describeDeep } from '../deep/deep-text.js';
import { renderGithub } from '../../diagnostics/render-github.js';
import { PIPEC_VERSION } from '../../version.js';

/** Output formats of `pipec check`. */
export const DIAGNOSTIC_FORMATS = ['pretty', 'json', 'sarif', 'github'] as const;
/** One of DIAGNOSTIC_FORMATS. */
export type DiagnosticFormat = (typeof DIAGNOSTIC_FORMATS)[number];

/** The feasibility block of one checked spec (what `pipec check` shows beside the diagnostics). */
export interface FeasibilityEntry {
  file: string;
  feasibility: Feasibility;
  /** `pipec check --deep` on file data: the quick baselines' intervals and the gates judged against them. */
  deep?: DeepReport | null;
}

/**
 * Render diagnostics of `files` spec files; `sources` gives text for code frames. With `feasibility`
 * (pipec check): pretty prints it before the diagnostics, json adds a `feasibility` array, sarif puts it in the
 * run's property bag; the github format carries diagnostics only.
 */
export function formatDiagnostics(
  diags: readonly Diagnostic[],
  opts: { format: DiagnosticFormat; color: boolean; files: number; sources: ReadonlyMap<string, string>; feasibility?: readonly FeasibilityEntry[] },
): string {
  const feasibility = opts.feasibility ?? [];
  switch (opts.format) {
    case 'json': {
      const report = opts.feasibility ? { ...toJsonReport(diags, opts.files), feasibility } : toJsonReport(diags, opts.files);
      return `${JSON.stringify(report, null, 2)}\n`;
    }
    case 'sarif': {
      const text = renderSarif(diags, PIPEC_VERSION);
      if (feasibility.length === 0) return text;
      const log = JSON.parse(text) as { runs: Record<string, unknown>[] };
      (log.runs[0] as Record<string, unknown>).properties = { feasibility };
      return `${JSON.stringify(log, null, 2)}\n`;
    }
    case 'github':
      return renderGithub(diags);
    default: {
      const text = renderPretty(diags, (f) => opts.sources.get(f), { color: opts.color });
      const blocks = feasibility.map((e) => [`${e.file}:`, ...describeFeasibility(e.feasibility), ...(e.deep ? describeDeep(e.deep) : [])].join('\n'));
      // The feasibility blocks come first, so the last line stays the diagnostics' summary (the verdict).
      if (blocks.length === 0) return text;
      return `${blocks.join('\n\n')}\n${text === '' ? '' : `\n${text}`}`;
    }
  }
}

/** Whether to colour what goes to `stream`, given the `--no-color` flag (commander sets `color: false`). */
export function colorFor(stream: NodeJS.WriteStream, colorFlag: boolean | undefined): boolean {
  return shouldUseColor({ flag: colorFlag, isTTY: Boolean(stream.isTTY), env: process.env });
}

/** Pretty diagnostics to stderr (for verbs whose stdout carries other output: fmt, inspect, graph). */
export function reportToStderr(diags: readonly Diagnostic[], sources: ReadonlyMap<string, string>, colorFlag?: boolean): void {
  process.stderr.write(formatDiagnostics(diags, { format: 'pretty', color: colorFor(process.stderr, colorFlag), files: 1, sources }));
}
