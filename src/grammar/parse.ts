/**
 * `parseSpec(file)` → generic syntax tree + syntax diagnostics. Pure; never throws,
 * whatever the input (binary garbage included): every problem is a PC0xxx diagnostic, and the tree holds
 * every statement that did parse.
 */
import type { Diagnostic, SourceFile } from '../diagnostics/types.js';
import { sortDiagnostics } from '../diagnostics/types.js';
import type { SyntaxFile } from './syntax.js';
import { lexSpec } from './lex.js';
import { balanceBrackets } from './brackets.js';
import { pipelineParser } from './parser.js';
import { fileToSyntax } from './to-syntax.js';
import { parserDiagnostics } from './parse-errors.js';
import { endOfText } from './ranges.js';
import { makeDiagnostic } from '../diagnostics/make.js';
import { nestingDiagnostic } from './nesting.js';

/** Beyond this many syntax errors the rest are noise (usually a binary or wrong file): stop listing. */
export const MAX_SYNTAX_ERRORS = 100;

/** Parse one spec file. */
export function parseSpec(source: SourceFile): { syntax: SyntaxFile; diagnostics: Diagnostic[] } {
  const { path, text } = source;
  const end = endOfText(text);
  const lexed = lexSpec(text, path);
  const balanced = balanceBrackets(lexed.tokens, text, path);
  const diagnostics: Diagnostic[] = [...lexed.diagnostics, ...balanced.diagnostics];
  const tooDeep = nestingDiagnostic(balanced.tokens, path);
  if (tooDeep) {
    // Parsing would recurse once per level and overflow the stack: report and stop here.
    return { syntax: { kind: 'File', path, statements: [], comments: lexed.comments, range: { start: { offset: 0, line: 1, column: 1 }, end } },
      diagnostics: capDiagnostics(sortDiagnostics([...diagnostics, tooDeep]), path) };
  }
  pipelineParser.input = balanced.tokens;
  const cst = pipelineParser.file();
  const parseErrors = parserDiagnostics(pipelineParser.errors, path, end);
  diagnostics.push(...parseErrors);
  const errorLines = new Set([...lexed.diagnostics, ...balanced.diagnostics, ...parseErrors].map((d) => d.range?.start.line ?? 0));
  const statements = fileToSyntax(cst, { file: path, diagnostics, errorLines });
  pipelineParser.input = []; // release the token array
  const syntax: SyntaxFile = {
    kind: 'File',
    path,
    statements,
    comments: lexed.comments,
    range: { start: { offset: 0, line: 1, column: 1 }, end },
  };
  return { syntax, diagnostics: capDiagnostics(sortDiagnostics(diagnostics), path) };
}

function capDiagnostics(diags: Diagnostic[], file: string): Diagnostic[] {
  if (diags.length <= MAX_SYNTAX_ERRORS) return diags;
  const kept = diags.slice(0, MAX_SYNTAX_ERRORS);
  kept.push(makeDiagnostic({
    code: 'PC0015',
    message: `too many syntax errors: ${diags.length - MAX_SYNTAX_ERRORS} more not shown`,
    file,
    hint: 'fix the errors above first; check that this is a .pipeline text file',
  }));
  return kept;
}
