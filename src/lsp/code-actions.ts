/**
 * Code actions from diagnostics: the text fixes of fixes.ts as workspace edits, and for every
 * diagnostic its registered fix in words as an "explain" action (the `pipec.explain` command, run by
 * the server: it shows `pipec explain CODE` in the client). So each code's fix is always offered, as an
 * edit where the fix is textual and as the documented instruction where it is not.
 */
import { CodeActionKind, type CodeAction, type Diagnostic as LspDiagnostic, type Range as LspRange } from 'vscode-languageserver';
import { codeInfo } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/types.js';
import type { Analysis } from './analysis.js';
import { quickFixes } from './fixes.js';
import { toLspRange } from './locate.js';

/** The command that shows a code's explanation and fix. */
export const EXPLAIN_COMMAND = 'pipec.explain';

const sameRange = (x: LspRange, y: LspRange): boolean =>
  x.start.line === y.start.line && x.start.character === y.start.character && x.end.line === y.end.line && x.end.character === y.end.character;
const overlaps = (x: LspRange, y: LspRange): boolean =>
  !(x.end.line < y.start.line || (x.end.line === y.start.line && x.end.character < y.start.character) ||
    y.end.line < x.start.line || (y.end.line === x.start.line && y.end.character < x.start.character));

/** The explain action of one diagnostic (also used for codes no document reports, e.g. in tests). */
export function explainAction(code: string, diagnostic?: LspDiagnostic): CodeAction | null {
  const info = codeInfo(code);
  if (!info) return null;
  return {
    title: `${code}: ${info.fix}`,
    kind: CodeActionKind.QuickFix,
    ...(diagnostic ? { diagnostics: [diagnostic] } : {}),
    command: { title: `Explain ${code}`, command: EXPLAIN_COMMAND, arguments: [code] },
  };
}

/** Code actions for the diagnostics of `a` that touch `range`. `sent` are the client's copies, matched by code and range. */
export function codeActions(a: Analysis, uri: string, range: LspRange, sent: readonly LspDiagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  const mine = a.diagnostics.filter((d): d is Diagnostic & { range: NonNullable<Diagnostic['range']> } =>
    d.file === a.path && d.range !== undefined && overlaps(toLspRange(d.range), range));
  for (const d of mine) {
    const lspRange = toLspRange(d.range);
    const theirs = sent.find((s) => s.code === d.code && sameRange(s.range, lspRange));
    const fixes = quickFixes(a, d);
    fixes.forEach((f, i) => out.push({
      title: f.title,
      kind: CodeActionKind.QuickFix,
      ...(theirs ? { diagnostics: [theirs] } : {}),
      ...(i === 0 ? { isPreferred: true } : {}),
      edit: { changes: { [uri]: f.edits } },
    }));
    const explain = explainAction(d.code, theirs);
    if (explain) out.push(explain);
  }
  return out;
}
