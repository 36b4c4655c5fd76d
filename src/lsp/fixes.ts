/**
 * Text fixes for diagnostics. The compiler states each fix as a hint in words with the code to write in
 * backticks ("did you mean `scale`?", "add `encode c onehot` to the features block", "keep one of them");
 * these rules turn such hints into edits, using the diagnostic's range and the syntax tree. A rule that
 * does not apply yields nothing; every code still gets its fix as an "explain" action (code-actions.ts).
 * test/lsp/code-actions.test.ts applies every edit to the diagnostic's golden case and requires the
 * diagnostic to go away.
 */
import type { TextEdit } from 'vscode-languageserver';
import type { Diagnostic } from '../diagnostics/types.js';
import type { Statement } from '../grammar/syntax.js';
import type { Analysis } from './analysis.js';
import { EditBuilder } from './text-edits.js';

/** One quick fix: a title and its edits in the document. */
export interface QuickFix {
  title: string;
  edits: TextEdit[];
}

const ticks = (s: string): string[] => [...s.matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);
const concrete = (x: string): boolean => !/\.\.\.|…|<[a-z]+>|NAME/.test(x);
const BLOCK_WORDS = ['project', 'features', 'deploy', 'domino', 'data', 'models', 'limits'];
const COLUMN_TYPE_WORDS = ['int', 'float', 'category', 'bool', 'id', 'ignore', 'datetime', 'text'];

/** What every rule reads: the analysis, the diagnostic, its span and statement, and the collector. */
interface FixContext {
  a: Analysis;
  d: Diagnostic;
  b: EditBuilder;
  start: number;
  end: number;
  spanText: string;
  hint: string;
  stmt: Statement | undefined;
  add: (title: string, ...edits: (TextEdit | null)[]) => void;
}

/** Quick fixes for one diagnostic of `a` (which must be in `a`'s file). */
export function quickFixes(a: Analysis, d: Diagnostic): QuickFix[] {
  if (!d.range || d.file !== a.path) return [];
  const b = new EditBuilder(a);
  const start = d.range.start.offset;
  const end = d.range.end.offset;
  const out: QuickFix[] = [];
  const add = (title: string, ...edits: (TextEdit | null)[]) => {
    const ok = edits.filter((e): e is TextEdit => e !== null);
    if (ok.length > 0 && !out.some((f) => f.title === title)) out.push({ title, edits: ok });
  };
  const ctx: FixContext = { a, d, b, start, end, spanText: a.text.slice(start, end), hint: d.hint ?? '', stmt: b.statementAt(start, end)?.stmt, add };
  replaceName(ctx);
  removeStatement(ctx);
  rewrite(ctx);
  addStatement(ctx);
  declareColumn(ctx);
  addSpecial(a, d, b, add);
  return out;
}

/** "did you mean `x`?", lists of allowed words, suggested names: replace the span. */
function replaceName({ b, start, end, spanText, hint, add }: FixContext): void {
  const mean = /did you mean `([^`]+)`\?/.exec(hint)?.[1];
  if (mean) add(`Change to \`${mean}\``, b.replace(start, end, mean));
  const listed = /(?:expected one of the [a-z ]+: |use one of: |existing epochs: )(.*?)(?: \(|$)/.exec(hint)?.[1];
  if (listed && !mean && /^[\w.]+$/.test(spanText)) {
    for (const w of listed.split(', ').map((x) => x.replace(/`/g, ''))) if (/^[\w.]+$/.test(w)) add(`Change to \`${w}\``, b.replace(start, end, w));
  }
  const suggested = /(?:such as|e\.g\.) `([a-z_][a-z0-9_]*)`/.exec(hint)?.[1];
  if (suggested && /^[\w-]+$/.test(spanText)) add(`Rename to \`${suggested}\``, b.replace(start, end, suggested));
  const ceiling = /^use (\d+[A-Za-z%]+) or less/.exec(hint)?.[1];
  if (ceiling) add(`Change to \`${ceiling}\``, b.replace(start, end, ceiling));
}

/** "keep one of them", "remove it", "remove `x`", "remove the repeated model": delete it. */
function removeStatement({ a, d, b, start, end, spanText, hint, stmt, add }: FixContext): void {
  if (stmt && d.code !== 'PC2016' && (/^keep one\b/.test(hint) || /^remove (it|this declaration|one of)/.test(hint) || /^rename or remove one of the/.test(hint))) {
    add(`Remove \`${a.text.slice(stmt.range.start.offset, stmt.range.end.offset).split('\n')[0]}\``, b.deleteStatement(stmt));
  }
  const what = /^remove (?:one )?`([^`]+)`/.exec(hint)?.[1];
  if (what && stmt) {
    if (spanText === what) add(`Remove \`${what}\``, b.replace(a.text[start - 1] === ' ' ? start - 1 : start, end, ''));
    else if (stmt.keyword.name === what) add(`Remove this \`${what}\``, b.deleteStatement(stmt));
    else {
      const other = findStatement(a, what);
      if (other) add(`Remove \`${what}\``, b.deleteStatement(other));
    }
  }
  if (/^remove the repeated/.test(hint)) {
    const comma = a.text.lastIndexOf(',', start);
    if (comma >= 0 && a.text.slice(comma + 1, start).trim() === '') add('Remove the repeated model', b.replace(comma, end, ''));
  }
}

/** "write `stmt`" / "use e.g. `stmt`": a corrected form of the span, of the statement, or of part of it. */
function rewrite({ a, b, start, end, spanText, hint, stmt, add }: FixContext): void {
  const written = /(?:^write(?: it as)?(?: e\.g\.)?|^use(?: e\.g\.)?|e\.g\.|such as|like|^call it as|^tune) `([^`]+)`/.exec(hint)?.[1];
  if (!written || !concrete(written) || !stmt || /did you mean/.test(hint)) return;
  const words = written.split(/\s+/);
  const head = words[0] as string;
  const lastArg = stmt.args[stmt.args.length - 1];
  const argsEnd = lastArg ? lastArg.range.end.offset : stmt.keyword.range.end.offset;
  const ident = (x: string) => /^[\w.]+/.exec(x)?.[0];
  const title = `Change to \`${written}\``;
  // One word for one word, or a call for the same call (`clip(300, 850)` for `clip(850, 300)`).
  if ((words.length === 1 && /^\S+$/.test(spanText)) || (ident(written) !== undefined && ident(written) === ident(spanText) && written.includes('('))) {
    add(title, b.replace(start, end, written));
    return;
  }
  // The whole statement (`rows 10_000`), its block kept.
  if (head === stmt.keyword.name) {
    add(title, b.replace(stmt.range.start.offset, argsEnd, written));
    return;
  }
  // Part of the statement starting at the same word (`latency_p95 < 100ms` inside `api ...`).
  const stmtText = a.text.slice(stmt.range.start.offset, argsEnd);
  const m = new RegExp(`(^|\\s)${head.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|$)`).exec(stmtText);
  if (!m) return;
  const from = stmt.range.start.offset + m.index + (m[1] as string).length;
  const tokens = a.text.slice(from, argsEnd).split(/\s+/).slice(0, words.length).join(' ');
  add(title, b.replace(from, from + a.text.slice(from).indexOf(tokens) + tokens.length, written));
}

/** "add `x` [or `y`] inside/to the ... block" (or "to epoch NNN"): insert the first concrete one there. */
function addStatement({ a, d, b, hint, add }: FixContext): void {
  const at = hint.search(/(^|[ ,(])add `/);
  if (at < 0) return;
  const part = hint.slice(at);
  const line = ticks(part).find((x) => concrete(x) && /^[a-z]/.test(x) && x.includes(' '));
  if (!line) return;
  const where = /(?:inside|to) (?:the )?(\w+) block/.exec(part)?.[1];
  const epochId = /to epoch (\d{3})/.exec(part)?.[1];
  if (epochId) {
    const epoch = findEpoch(a, epochId);
    if (epoch) add(`Add \`${line}\` to epoch ${epochId}`, b.appendTo(epoch, line));
  } else if (line.startsWith('use ')) add(`Add \`${line}\``, b.prependToProject(line));
  else if (where && BLOCK_WORDS.includes(where) && where !== 'project') add(`Add \`${line}\` to the ${where} block`, b.appendToBlock(where, line));
  else {
    const p = b.project();
    if (p) add(`Add \`${line}\``, b.appendTo(p, line));
  }
}

/**
 * Data findings (PC3108 identifier, PC3109 many levels, PC3111 free text) name the declaration to write:
 * "declare it ... `column note text`". On the declared type (`column note category`) change the type;
 * on the data file's path append the declaration to the data block (one fix per suggested declaration).
 */
function declareColumn({ a, b, start, end, spanText, hint, add }: FixContext): void {
  if (!/\bdeclare\b/.test(hint)) return;
  for (const line of ticks(hint).filter((x) => /^column [A-Za-z_]\w* [a-z]+$/.test(x))) {
    const type = line.split(' ')[2] as string;
    if (COLUMN_TYPE_WORDS.includes(spanText) && a.text[start - 1] === ' ') add(`Declare it \`${type}\``, b.replace(start, end, type));
    else if (spanText.startsWith('"')) add(`Add \`${line}\` to the data block`, b.appendToBlock('data', line));
  }
}

/** Fixes that need the model rather than the hint's words. */
function addSpecial(a: Analysis, d: Diagnostic, b: EditBuilder, add: (title: string, ...e: (TextEdit | null)[]) => void): void {
  const range = d.range;
  if (!range) return;
  const start = range.start.offset;
  const end = range.end.offset;
  const span = a.text.slice(start, end);
  switch (d.code) {
    case 'PC0002': { // unterminated string: close it at the end of the line
      const nl = a.text.indexOf('\n', start);
      const eol = nl < 0 ? a.text.length : a.text[nl - 1] === '\r' ? nl - 1 : nl;
      add('Close the string', b.replace(eol, eol, '"'));
      break;
    }
    case 'PC3013': { // `use a .csv or .parquet file`: change the extension in the path
      const ext = /\.[A-Za-z0-9]+(?="$)/.exec(span);
      if (ext) for (const want of ['.csv', '.parquet']) add(`Use a \`${want}\` file`, b.replace(start + ext.index, start + ext.index + ext[0].length, want));
      break;
    }
    case 'PC0001': add('Remove the character', b.replace(start, end, '')); break;
    case 'PC0003': // a lone backslash: escape it
      if (span.startsWith('\\')) add('Escape the backslash', b.replace(start, start + 1, '\\\\'));
      break;
    case 'PC0009': { // a statement after `}` on the same line: start it on a new line
      let from = start;
      while (from > 0 && (a.text[from - 1] === ' ' || a.text[from - 1] === '\t')) from--;
      add('Put the statement on its own line', b.replace(from, start, `\n${b.indentAt(start)}`));
      break;
    }
    case 'PC2016': { // a category listed twice: drop the repeated entry (with the comma before it)
      const comma = a.text.lastIndexOf(',', start);
      const entryEnd = a.text.slice(end).search(/[,}]/);
      if (comma >= 0 && entryEnd >= 0 && a.text.slice(comma + 1, start).trim() === '') add('Remove the repeated entry', b.replace(comma, end + entryEnd, ''));
      break;
    }
    case 'PC3005': { // uniform(high, low): swap the bounds
      const m = /^uniform\(\s*(-?[\d_.]+)\s*,\s*(-?[\d_.]+)\s*\)$/.exec(span);
      if (m && Number(m[1]!.replace(/_/g, '')) > Number(m[2]!.replace(/_/g, ''))) add(`Change to \`uniform(${m[2]}, ${m[1]})\``, b.replace(start, end, `uniform(${m[2]}, ${m[1]})`));
      break;
    }
    case 'PC4004': { // too many fits: the largest trial budget under the ceiling
      const m = /\((\d+) trials × (\d+) folds \+ (\d+) baselines?\)/.exec(d.message);
      const s = b.statementAt(start, end)?.stmt;
      const budget = s?.args.findIndex((x) => x.kind === 'Name' && x.text === 'budget') ?? -1;
      const n = s?.args[budget + 1];
      const trials = m ? Math.floor((499 - Number(m[3])) / Number(m[2])) : 0;
      if (n && budget >= 0 && trials > 0) add(`Lower the budget to ${trials} trials`, b.replace(n.range.start.offset, n.range.end.offset, String(trials)));
      break;
    }
    case 'PC7004': { // retries outside 0..10: the nearest allowed number
      const s = b.statementAt(start, end)?.stmt;
      const v = Number(span);
      if (s?.keyword.name === 'retries' && Number.isFinite(v)) {
        const fixed = String(Math.min(10, Math.max(0, Math.round(v))));
        add(`Change to ${fixed}`, b.replace(start, end, fixed));
      }
      break;
    }
    case 'PC1004':
      if (/^[\w.]+$/.test(span)) add(`Quote as "${span}"`, b.replace(start, end, `"${span}"`));
      break;
    case 'PC1009':
      if (/^add the block/.test(d.hint ?? '')) {
        const s = b.statementAt(start, end)?.stmt;
        if (s) add('Add the block', b.replace(s.range.end.offset, s.range.end.offset, ' {\n}'));
      }
      break;
    case 'PC1010': { // move a top-level statement into the project block
      const s = b.statementAt(start, end)?.stmt;
      const line = s ? a.text.slice(s.range.start.offset, s.range.end.offset) : '';
      if (s && !s.block && !line.includes('\n')) add(`Move \`${line}\` into the project block`, b.deleteStatement(s), b.prependToProject(line));
      break;
    }
    case 'PC2003': { // duplicate epoch: the next free number
      const used = new Set((a.spec?.epochs ?? []).map((e) => Number(e.id)));
      for (const m of a.text.matchAll(/^\s*epoch\s+(\d+)/gm)) used.add(Number(m[1]));
      let n = Number(span);
      while (used.has(n) && n < 999) n++;
      if (!used.has(n)) add(`Renumber to ${String(n).padStart(3, '0')}`, b.replace(start, end, String(n).padStart(3, '0')));
      break;
    }
    case 'PC2015': add('Name the epoch', b.replace(end, end, ' my_step')); break;
    case 'PC3001': { // shares off by some percent: absorb the difference in the last share
      const col = [...(a.project?.data?.columns ?? []), ...(a.project?.data?.target ? [a.project.data.target] : [])]
        .find((c) => c.name.range.start.offset === start);
      const shares = col && 'categories' in col ? col.categories : col && 'generator' in col && col.generator?.kind === 'categories' ? col.generator.categories : null;
      const last = shares?.[shares.length - 1];
      if (shares && last) {
        const sum = shares.reduce((s, x) => s + x.share, 0);
        const value = Math.round((last.share + 100 - sum) * 1e6) / 1e6;
        if (value > 0) add(`Make the last share ${value}%`, b.replace(last.shareRange.start.offset, last.shareRange.end.offset, `${value}%`));
      }
      break;
    }
    case 'PC3011': { // a distribution for a column that has none
      const s = b.statementAt(start, end)?.stmt;
      const type = s?.args[1];
      if (type) add('Add `uniform(0, 1)`', b.replace(type.range.end.offset, type.range.end.offset, ' uniform(0, 1)'));
      break;
    }
    case 'PC3012': {
      const callee = /^(linear|logistic)\b/.exec(span)?.[1];
      const want = /use `(\w+)\(/.exec(d.hint ?? '')?.[1];
      if (callee && want) add(`Use \`${want}(...)\``, b.replace(start, start + callee.length, want));
      break;
    }
    case 'PC3010': {
      const kind = /use a `(\w+)` target/.exec(d.hint ?? '')?.[1];
      if (kind && /^\w+$/.test(span)) add(`Change the target kind to \`${kind}\``, b.replace(start, end, kind));
      break;
    }
    default: break;
  }
}

/** A statement whose source text is exactly `text` (`encode x onehot`). */
function findStatement(a: Analysis, text: string) {
  const visit = (list: typeof a.syntax.statements): (typeof list)[number] | null => {
    for (const s of list) {
      if (a.text.slice(s.range.start.offset, s.range.end.offset) === text) return s;
      const inner = s.block ? visit(s.block.statements) : null;
      if (inner) return inner;
    }
    return null;
  };
  return visit(a.syntax.statements);
}

/** The spec's `epoch NNN` statement. */
function findEpoch(a: Analysis, id: string) {
  const p = a.syntax.statements.find((s) => s.keyword.name === 'project');
  return p?.block?.statements.find((s) => s.keyword.name === 'epoch' && s.args[0]?.kind === 'Number' && s.args[0].raw.padStart(3, '0') === id) ?? null;
}
