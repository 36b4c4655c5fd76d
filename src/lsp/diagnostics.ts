/**
 * Compiler diagnostics as LSP diagnostics: the code links to its entry in docs/diagnostics.md, notes
 * ("first defined here") become related information, the hint is appended to the message (clients show
 * no separate hint field), and an unused declaration is tagged so editors fade it.
 */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { codeInfo } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { toLspRange } from './locate.js';

/** Where diagnostics point outside the open document: the URI of a file path, or null when unknown. */
export type UriOf = (file: string) => string | null;

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

/** Codes whose diagnostics mark something unused (rendered faded by editors). */
const UNNECESSARY = new Set(['PC6006']);

/** The GitHub-style heading anchor of a code's section in docs/diagnostics.md (`### PC0001: unknown character`). */
export function docsAnchor(code: string): string {
  const title = codeInfo(code)?.title ?? '';
  return `${code}: ${title}`.toLowerCase().replace(/[^a-z0-9 _-]/g, '').replace(/ /g, '-');
}

/**
 * Convert the diagnostics of one document. Diagnostics in another file (a library's) are shown at the
 * top of the document with the library location as related information, so they are not lost.
 */
export function toLspDiagnostics(diags: readonly Diagnostic[], path: string, uriOf: UriOf, docsUri: string | null): LspDiagnostic[] {
  return diags.map((d) => {
    const here = d.file === path;
    const range = here && d.range ? toLspRange(d.range) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const out: LspDiagnostic = {
      range,
      severity: SEVERITY[d.severity],
      code: d.code,
      source: 'pipec',
      message: d.hint ? `${here ? '' : `${d.file}: `}${d.message}\nhint: ${d.hint}` : `${here ? '' : `${d.file}: `}${d.message}`,
    };
    if (docsUri) out.codeDescription = { href: `${docsUri}#${docsAnchor(d.code)}` };
    const related = [...(d.related ?? [])];
    if (!here && d.range) related.unshift({ message: d.message, file: d.file, range: d.range });
    const info = related.flatMap((r) => {
      const uri = uriOf(r.file);
      return uri ? [{ location: { uri, range: toLspRange(r.range) }, message: r.message }] : [];
    });
    if (info.length > 0) out.relatedInformation = info;
    if (UNNECESSARY.has(d.code)) out.tags = [DiagnosticTag.Unnecessary];
    out.data = { code: d.code, offset: d.range?.start.offset ?? -1, endOffset: d.range?.end.offset ?? -1, hint: d.hint ?? null };
    return out;
  });
}
