/**
 * Writing diagnostics from any verb in the format the user picked. The stream decides colour
 * (a TTY gets colour unless NO_COLOR / --no-color; FORCE_COLOR forces it).
 */
import type { Diagnostic } from '../../diagnostics/types.js';
import { renderPretty, shouldUseColor } from '../../diagnostics/render-pretty.js';
import { renderJson } from '../../diagnostics/render-json.js';
import { renderSarif } from '../../diagnostics/render-sarif.js';
import { renderGithub } from '../../diagnostics/render-github.js';
import { PIPEC_VERSION } from '../../version.js';

/** Output formats of `pipec check`. */
export const DIAGNOSTIC_FORMATS = ['pretty', 'json', 'sarif', 'github'] as const;
/** One of DIAGNOSTIC_FORMATS. */
export type DiagnosticFormat = (typeof DIAGNOSTIC_FORMATS)[number];

/** Render diagnostics of `files` spec files; `sources` gives text for code frames. */
export function formatDiagnostics(
  diags: readonly Diagnostic[],
  opts: { format: DiagnosticFormat; color: boolean; files: number; sources: ReadonlyMap<string, string> },
): string {
  switch (opts.format) {
    case 'json':
      return renderJson(diags, opts.files);
    case 'sarif':
      return renderSarif(diags, PIPEC_VERSION);
    case 'github':
      return renderGithub(diags);
    default:
      return renderPretty(diags, (f) => opts.sources.get(f), { color: opts.color });
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
