/**
 * Rename a column, the target or a derived feature across the spec: its declaration, formulas that
 * use it, its `encode` line and the project's `target`. Only names the data and features blocks
 * declare are renamable, so a word such as `standard` in `scale standard` is never touched.
 */
import type { Range as LspRange, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { Expr, NameRef, Statement } from '../grammar/syntax.js';
import type { Analysis } from './analysis.js';
import { columns, derives } from './knowledge.js';
import { locate, toLspRange } from './locate.js';

/** Names inside a formula (callees excluded). */
function formulaNames(e: Expr, out: NameRef[]): void {
  switch (e.kind) {
    case 'Name': if (e.parts.length === 1) out.push(e); break;
    case 'Call': for (const x of e.args) formulaNames(x, out); break;
    case 'Binary': formulaNames(e.left, out); formulaNames(e.right, out); break;
    case 'Unary': formulaNames(e.operand, out); break;
    case 'List': for (const x of e.items) formulaNames(x, out); break;
    default: break;
  }
}

/** Every place a column-like name is written in the project. */
function occurrences(a: Analysis): NameRef[] {
  const out: NameRef[] = [];
  const project = a.syntax.statements.find((s) => s.keyword.name === 'project');
  for (const s of project?.block?.statements ?? []) {
    if (s.keyword.name === 'target' && s.args[0]?.kind === 'Name') out.push(s.args[0]);
    if (s.keyword.name !== 'data' && s.keyword.name !== 'features') continue;
    for (const st of s.block?.statements ?? []) collect(st, out);
  }
  return out;
}

function collect(st: Statement, out: NameRef[]): void {
  const first = st.args[0];
  if (['column', 'target', 'encode'].includes(st.keyword.name) && first?.kind === 'Name') out.push(first);
  for (const arg of st.args) if (arg.kind !== 'Name') formulaNames(arg, out);
}

/** The declared name at `offset` and its range, if it can be renamed. */
export function prepareRename(a: Analysis, offset: number): { range: LspRange; placeholder: string } | null {
  const node = locate(a.syntax, offset).node;
  if (node?.kind !== 'Name' || node.parts.length !== 1) return null;
  const declared = new Set([...columns(a).map((c) => c.name.value), ...derives(a).map((d) => d.name.value)]);
  if (a.project?.data?.target) declared.add(a.project.data.target.name.value);
  if (!declared.has(node.text)) return null;
  if (!occurrences(a).some((n) => n.range.start.offset === node.range.start.offset)) return null;
  return { range: toLspRange(node.range), placeholder: node.text };
}

/** The edits renaming the name at `offset` to `newName`; null when not renamable or the name is invalid. */
export function rename(a: Analysis, uri: string, offset: number, newName: string): WorkspaceEdit | null {
  const prepared = prepareRename(a, offset);
  if (!prepared || !/^[a-z_][a-z0-9_]*$/.test(newName)) return null;
  const edits: TextEdit[] = occurrences(a)
    .filter((n) => n.text === prepared.placeholder)
    .map((n) => ({ range: toLspRange(n.range), newText: newName }));
  return { changes: { [uri]: edits } };
}
