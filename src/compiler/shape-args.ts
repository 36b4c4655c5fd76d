/**
 * Reading statement arguments for the shape phase: each reader either returns a typed value or
 * reports PC1002/PC1003/PC1004 at the offending argument and returns null, so shaping goes on and
 * one run collects every shape problem.
 */
import type { Expr, Statement } from '../grammar/syntax.js';
import type { Range } from '../diagnostics/types.js';
import type { Located } from './model.js';
import { closestName, type Reporter } from './report.js';

/** The state of shaping one file. */
export interface ShapeCtx {
  file: string;
  rep: Reporter;
}

/** Human words for an expression kind, used in "expected X, found Y" messages. */
export function describeExpr(e: Expr): string {
  switch (e.kind) {
    case 'Number': return `number ${e.raw}`;
    case 'String': return 'a string';
    case 'Quantity': return `quantity ${e.raw}`;
    case 'Name': return `name \`${e.text}\``;
    case 'Call': return `call \`${e.callee.text}(...)\``;
    case 'Binary': return `an \`${e.op}\` expression`;
    case 'Unary': return 'an expression';
    case 'List': return 'a list';
    case 'Map': return 'a map';
    case 'Pair': return `pair \`${e.key.name}: ...\``;
  }
}

/** Report that `stmt` needs at least `min` arguments (PC1002), at the keyword. */
export function requireArgs(ctx: ShapeCtx, stmt: Statement, min: number, usage: string): boolean {
  if (stmt.args.length >= min) return true;
  ctx.rep.reportRange('PC1002', ctx.file, stmt.keyword.range,
    `\`${stmt.keyword.name}\` needs ${min === 1 ? 'an argument' : `${min} arguments`}`, `write it as \`${usage}\``);
  return false;
}

/** Report arguments beyond `max` (PC1003), at the first extra one. */
export function noExtraArgs(ctx: ShapeCtx, stmt: Statement, max: number, usage: string): void {
  const extra = stmt.args[max];
  if (extra) {
    ctx.rep.reportRange('PC1003', ctx.file, extra.range,
      `unexpected ${describeExpr(extra)} after \`${stmt.keyword.name}\``, `write it as \`${usage}\``);
  }
}

/** Report a wrong argument kind (PC1004). */
export function wrongKind(ctx: ShapeCtx, e: Expr, expected: string, context: string): null {
  ctx.rep.reportRange('PC1004', ctx.file, e.range, `${context} expects ${expected}, found ${describeExpr(e)}`,
    `replace it with ${expected}`);
  return null;
}

/** Wrap a value with its location. */
export function located<T>(ctx: ShapeCtx, value: T, range: Range): Located<T> {
  return { value, range, file: ctx.file };
}

/** A string argument. */
export function readString(ctx: ShapeCtx, e: Expr | undefined, context: string): Located<string> | null {
  if (!e) return null;
  return e.kind === 'String' ? located(ctx, e.value, e.range) : wrongKind(ctx, e, 'a string in double quotes', context);
}

/** A bare (possibly dotted) name argument. */
export function readName(ctx: ShapeCtx, e: Expr | undefined, context: string): Located<string> | null {
  if (!e) return null;
  return e.kind === 'Name' ? located(ctx, e.text, e.range) : wrongKind(ctx, e, 'a name', context);
}

/**
 * A name that becomes a folder or identifier (project, epoch, column, derive, target). Also accepts
 * what a user may try instead — `"my project"`, `credit-score` — so check-safe-names can say why it
 * is unsafe (PC2008) rather than only that it is not a name.
 */
export function readIdent(ctx: ShapeCtx, e: Expr | undefined, context: string): Located<string> | null {
  if (!e) return null;
  const text = identText(e);
  return text === null ? wrongKind(ctx, e, 'a name', context) : located(ctx, text, e.range);
}

function identText(e: Expr): string | null {
  if (e.kind === 'Name') return e.text;
  if (e.kind === 'String') return e.value;
  if (e.kind === 'Binary' && (e.op === '-' || e.op === '/')) {
    const l = identText(e.left);
    const r = identText(e.right);
    return l !== null && r !== null ? `${l}${e.op}${r}` : null;
  }
  return null;
}

/** A plain number argument, optionally negative (`-3.0`). */
export function readNumber(ctx: ShapeCtx, e: Expr | undefined, context: string): Located<number> | null {
  if (!e) return null;
  const v = numberValue(e);
  return v === null ? wrongKind(ctx, e, 'a number', context) : located(ctx, v, e.range);
}

/** The value of a number literal or a negated one, else null. */
export function numberValue(e: Expr): number | null {
  if (e.kind === 'Number') return e.value;
  if (e.kind === 'Unary' && e.op === '-' && e.operand.kind === 'Number') return -e.operand.value;
  return null;
}

/** An epoch id: a number written with up to three digits (`005`), normalised to three digits. */
export function readEpochId(ctx: ShapeCtx, e: Expr | undefined, context: string): Located<string> | null {
  if (!e) return null;
  if (e.kind !== 'Number') return wrongKind(ctx, e, 'an epoch number like `005`', context);
  if (!/^\d{1,3}$/.test(e.raw) || e.value < 1) {
    ctx.rep.reportRange('PC1013', ctx.file, e.range, `\`${e.raw}\` is not a valid epoch number`,
      'epoch numbers are whole numbers from 001 to 999, written with three digits');
    return null;
  }
  return located(ctx, String(e.value).padStart(3, '0'), e.range);
}

/** A bare name restricted to `allowed` words (PC1008 with did-you-mean otherwise). */
export function readChoice<T extends string>(ctx: ShapeCtx, e: Expr | undefined, allowed: readonly T[], what: string):
  Located<T> | null {
  if (!e) return null;
  if (e.kind !== 'Name') return wrongKind(ctx, e, `one of ${allowed.join(', ')}`, what);
  if ((allowed as readonly string[]).includes(e.text)) return located(ctx, e.text as T, e.range);
  reportBadChoice(ctx, e.range, e.text, allowed, what);
  return null;
}

/** PC1008: a word that is not one of the allowed values. */
export function reportBadChoice(ctx: ShapeCtx, range: Range, text: string, allowed: readonly string[], what: string): void {
  const best = closestName(text, allowed);
  ctx.rep.reportRange('PC1008', ctx.file, range, `\`${text}\` is not a valid ${what}`,
    best ? `did you mean \`${best}\`? (allowed: ${allowed.join(', ')})` : `use one of: ${allowed.join(', ')}`);
}

/** Items of a list argument, or the single argument itself (`after 001` and `after 001, 002`). */
export function listItems(args: readonly Expr[]): Expr[] {
  return args.flatMap((a) => (a.kind === 'List' ? a.items : [a]));
}
