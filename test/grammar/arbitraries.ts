/**
 * fast-check generators for the grammar tests: random syntax trees (shaped exactly like parser output,
 * minus ranges) and a printer that writes them with random-but-valid spacing, line breaks inside
 * brackets and comments. parse(print(tree)) must give the tree back.
 */
import fc from 'fast-check';
import { quoteString, UNITS } from '../../src/grammar/literals.js';

type Node = Record<string, unknown> & { kind: string };

const NAMES = ['age', 'income', 'x', 'y_2', '_tmp', 'android', 'order', 'notes', 'band'];
const name = fc.constantFrom(...NAMES);
const dotted = fc.tuple(name, name).map(([a, b]) => `${a}.${b}`);
const nameRef = fc.oneof(name, dotted).map((t) => ({ kind: 'Name', parts: t.split('.'), text: t }));
const int = fc.integer({ min: 0, max: 100_000 });
const number = int.map((n) => ({ kind: 'Number', value: n, raw: String(n) }));
const quantity = fc.tuple(int, fc.constantFrom(...UNITS)).map(([n, u]) => ({ kind: 'Quantity', value: n, unit: u, raw: `${n}${u}` }));
const text = fc.string({ maxLength: 8, unit: fc.constantFrom('a', ' ', '"', '\\', '\n', '\t', 'é', '😀', '#', '{', '}') });
const string = text.map((v) => ({ kind: 'String', value: v }));
const BIN = ['or', 'and', '<', '<=', '>', '>=', '==', '!=', '+', '-', '*', '/', '^'];

/** An expression tree (no `=`, pairs or bare lists: those exist only at statement level). */
export const expr: fc.Arbitrary<Node> = fc.letrec<{ e: Node }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    number,
    quantity,
    string,
    nameRef,
    fc.record({ kind: fc.constant('Binary'), op: fc.constantFrom(...BIN), left: tie('e'), right: tie('e') }),
    fc.record({ kind: fc.constant('Unary'), op: fc.constantFrom('-', 'not'), operand: tie('e') }),
    fc.record({ kind: fc.constant('Call'), callee: nameRef, args: fc.array(tie('e'), { maxLength: 3 }) }),
    fc.record({ kind: fc.constant('List'), items: fc.array(tie('e'), { maxLength: 3 }), bare: fc.constant(false) }),
    fc.record({
      kind: fc.constant('Map'),
      entries: fc.array(
        fc.oneof(
          fc.record({ kind: fc.constant('MapEntry'), key: name, quotedKey: fc.constant(false), value: tie('e') }),
          fc.record({ kind: fc.constant('MapEntry'), key: text, quotedKey: fc.constant(true), value: tie('e') }),
        ),
        { minLength: 1, maxLength: 3 },
      ),
    }),
  ),
})).e;

const argItem = fc.oneof(expr, fc.record({ kind: fc.constant('Pair'), key: name.map((n) => ({ kind: 'Word', name: n })), value: expr }));
const arg = fc.oneof(
  { arbitrary: argItem, weight: 4 },
  { arbitrary: fc.array(argItem, { minLength: 2, maxLength: 3 }).map((items) => ({ kind: 'List', items, bare: true })), weight: 1 },
);

/** A statement tree, with nested blocks up to a small depth. */
export const statements: fc.Arbitrary<Node[]> = fc.letrec<{ list: Node[]; stmt: Node }>((tie) => ({
  list: fc.array(tie('stmt'), { maxLength: 4 }),
  stmt: fc.record({
    kind: fc.constant('Statement'),
    keyword: name.map((n) => ({ kind: 'Word', name: n })),
    args: fc.array(arg, { maxLength: 3 }),
    block: fc.oneof({ depthSize: 'small' }, fc.constant(null), tie('list').map((s) => ({ kind: 'Block', statements: s }))),
  }),
})).list;

/** Randomness for the printer: which spacing/line break to use at each choice point. */
export type Choices = () => number;

const BR = ['', ' ', '\n', '\n  ', ' \n'];

/** Print an expression fully parenthesised, with random line breaks inside brackets. */
export function printExpr(e: Node, r: Choices): string {
  const br = () => BR[r() % BR.length]!;
  switch (e.kind) {
    case 'Number':
    case 'Quantity':
      return e['raw'] as string;
    case 'String':
      return quoteString(e['value'] as string);
    case 'Name':
      return e['text'] as string;
    case 'Binary':
      return `(${printExpr(e['left'] as Node, r)}) ${e['op'] as string} (${printExpr(e['right'] as Node, r)})`;
    case 'Unary':
      return `${e['op'] === 'not' ? 'not ' : '-'}(${printExpr(e['operand'] as Node, r)})`;
    case 'Call':
      return `${(e['callee'] as Node)['text'] as string}(${br()}${(e['args'] as Node[]).map((a) => printExpr(a, r)).join(`,${br()}`)})`;
    case 'List':
      return `[${br()}${(e['items'] as Node[]).map((a) => printExpr(a, r)).join(`,${br()}`)}${br()}]`;
    case 'Map': {
      const entries = (e['entries'] as Node[]).map((en) => `${en['quotedKey'] ? quoteString(en['key'] as string) : (en['key'] as string)}: ${printExpr(en['value'] as Node, r)}`);
      return `{${br()}${entries.join(`,${br()}`)}${r() % 2 ? ',' : ''}${br()}}`;
    }
    default:
      throw new Error(`cannot print ${e.kind}`);
  }
}

function printArg(a: Node, r: Choices): string {
  if (a.kind === 'Pair') return `${(a['key'] as Node)['name'] as string}: (${printExpr(a['value'] as Node, r)})`;
  if (a.kind === 'List' && a['bare']) return (a['items'] as Node[]).map((i) => printArg(i, r)).join(', ');
  return `(${printExpr(a, r)})`;
}

/** Print statements; `indent` grows per block; statements end with a newline, `;` or a comment. */
export function printStatements(list: Node[], r: Choices, indent = ''): string {
  return list
    .map((s) => {
      const args = (s['args'] as Node[]).map((a) => ' '.repeat(1 + (r() % 3)) + printArg(a, r)).join('');
      const block = s['block'] as Node | null;
      const head = indent + ((s['keyword'] as Node)['name'] as string) + args;
      const end = r() % 3 === 0 ? '  # note {x}\n' : r() % 3 === 0 ? ';\n' : '\n';
      if (!block) return head + end;
      return `${head} {\n${printStatements(block['statements'] as Node[], r, indent + '  ')}${indent}}${end}`;
    })
    .join('');
}
