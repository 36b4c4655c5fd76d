/**
 * Building text edits over a document's text and syntax tree: replace a span, delete a statement with
 * its line, insert a statement into a block (creating the block in the project when missing).
 */
import type { TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Statement } from '../grammar/syntax.js';
import type { Analysis } from './analysis.js';

/** Offsets → LSP edits for one text. */
export class EditBuilder {
  private readonly doc: TextDocument;

  constructor(readonly a: Analysis) {
    this.doc = TextDocument.create('pipec:edit', 'pipeline', 0, a.text);
  }

  /** Replace `[start, end)` with `text`. */
  replace(start: number, end: number, text: string): TextEdit {
    return { range: { start: this.doc.positionAt(start), end: this.doc.positionAt(end) }, newText: text };
  }

  /** Start of the line holding `offset`. */
  lineStart(offset: number): number {
    return this.a.text.lastIndexOf('\n', offset - 1) + 1;
  }

  /** Indentation of the line holding `offset`. */
  indentAt(offset: number): string {
    const from = this.lineStart(offset);
    return /^[ \t]*/.exec(this.a.text.slice(from))?.[0] ?? '';
  }

  /** Delete a statement: its whole lines when it owns them, else just its text. */
  deleteStatement(s: Statement): TextEdit {
    const text = this.a.text;
    const from = this.lineStart(s.range.start.offset);
    const nl = text.indexOf('\n', s.range.end.offset);
    const to = nl < 0 ? text.length : nl + 1;
    const line = text.slice(from, to);
    const owns = text.slice(from, s.range.start.offset).trim() === '' && !/[;}]/.test(text.slice(s.range.end.offset, to).replace(/#.*/, ''));
    return owns && line.trim() !== '' ? this.replace(from, to, '') : this.replace(s.range.start.offset, s.range.end.offset, '');
  }

  /** Insert `line` as the last statement of `block`'s statement. */
  appendTo(s: Statement, line: string): TextEdit {
    const block = s.block;
    if (!block) return this.replace(s.range.end.offset, s.range.end.offset, ` {\n${this.indentAt(s.range.start.offset)}  ${line}\n${this.indentAt(s.range.start.offset)}}`);
    const close = block.range.end.offset - 1;
    const indent = this.indentAt(s.range.start.offset);
    const from = this.lineStart(close);
    if (this.a.text.slice(from, close).trim() === '') return this.replace(from, from, `${indent}  ${line}\n`);
    return this.replace(close, close, `\n${indent}  ${line}\n${indent}`);
  }

  /** Insert `line` as the first statement of the project block. */
  prependToProject(line: string): TextEdit | null {
    const p = this.project();
    if (!p?.block) return null;
    const open = p.block.range.start.offset + 1;
    return this.replace(open, open, `\n  ${line}`);
  }

  /** The `project` statement. */
  project(): Statement | undefined {
    return this.a.syntax.statements.find((s) => s.keyword.name === 'project');
  }

  /** Insert `line` into the project's block `kw` (`features`, `deploy`...), creating the block when missing. */
  appendToBlock(kw: string, line: string): TextEdit | null {
    const p = this.project();
    if (!p) return null;
    const target = p.block?.statements.find((s) => s.keyword.name === kw);
    if (target) return this.appendTo(target, line);
    return this.appendTo(p, `${kw} {\n    ${line}\n  }`);
  }

  /** The innermost statement whose range contains `[start, end)`. */
  statementAt(start: number, end: number): { stmt: Statement; chain: Statement[] } | null {
    let list = this.a.syntax.statements;
    const chain: Statement[] = [];
    for (;;) {
      const s = list.find((x) => x.range.start.offset <= start && end <= x.range.end.offset);
      if (!s) break;
      chain.push(s);
      if (!s.block || !s.block.statements.some((x) => x.range.start.offset <= start && end <= x.range.end.offset)) break;
      list = s.block.statements;
    }
    const stmt = chain[chain.length - 1];
    return stmt ? { stmt, chain } : null;
  }
}
