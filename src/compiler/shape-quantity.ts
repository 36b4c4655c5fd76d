/** Reading a quantity argument (`50MB`, `30m`, `20%`) of one unit family, normalised (bytes, seconds). */
import type { Expr } from '../grammar/syntax.js';
import type { Located } from './model.js';
import { located, wrongKind, type ShapeCtx } from './shape-args.js';
import { normalizeQuantity, unitOfQuantity } from './units.js';

/** A quantity argument of one unit family, normalised (seconds / bytes); PC1012 for the wrong family. */
export function readQuantity(ctx: ShapeCtx, e: Expr | undefined, family: 'size' | 'duration' | 'percent',
  context: string): Located<number> | null {
  if (!e) return null;
  // `-5MB` reads as a negative quantity so the limit checks can say "must be positive".
  const negative = e.kind === 'Unary' && e.op === '-' && e.operand.kind === 'Quantity';
  const q = negative ? e.operand : e;
  if (q.kind !== 'Quantity') return wrongKind(ctx, e, `a ${family} like ${EXAMPLE[family]}`, context);
  if (unitOfQuantity(q.unit) !== family) {
    ctx.rep.reportRange('PC1012', ctx.file, e.range, `${context} expects a ${family}, found \`${negative ? '-' : ''}${q.raw}\``,
      `write a ${family} like ${EXAMPLE[family]}`);
    return null;
  }
  return located(ctx, (negative ? -1 : 1) * normalizeQuantity(q.value, q.unit), e.range);
}

const EXAMPLE = { size: '`50MB`', duration: '`30m`', percent: '`20%`' } as const;
