/**
 * Shaping `compute cluster dask { workers 4 worker_tier large worker_memory 8GB }` and `compute local`,
 * in the project block (every cluster-capable epoch) or in an epoch block (that epoch only).
 */
import type { Statement } from '../grammar/syntax.js';
import { COMPUTE_ENGINES } from '../catalogue/index.js';
import type { ComputeDecl } from './model.js';
import { noExtraArgs, readChoice, readName, readNumber, requireArgs, type ShapeCtx } from './shape-args.js';
import { shapeStatements } from './shape-block.js';
import { readQuantity } from './shape-quantity.js';

const USAGE = 'compute cluster dask { workers 4 worker_tier large worker_memory 8GB }` or `compute local';

const SETTINGS = new Set(['workers', 'worker_tier', 'worker_memory']);

/**
 * `{ workers 4 worker_tier large worker_memory 8GB }` on one line parses as one `workers` statement with the
 * other settings as its arguments; split such a statement at each setting keyword, so the one-line form
 * (as the language docs write it) means the same as one setting per line.
 */
function splitSettings(statements: readonly Statement[]): Statement[] {
  return statements.flatMap((st) => {
    if (!SETTINGS.has(st.keyword.name)) return [st];
    const out: Statement[] = [];
    let cur: Statement = { ...st, args: [] };
    for (const a of st.args) {
      if (a.kind === 'Name' && SETTINGS.has(a.text) && cur.args.length > 0) {
        out.push(cur);
        cur = { kind: 'Statement', keyword: { kind: 'Word', name: a.text, range: a.range }, args: [], block: null, range: a.range };
        continue;
      }
      cur.args.push(a);
    }
    out.push(cur);
    return out;
  });
}

/** Shape one `compute` statement; null when its form is unusable (reported). */
export function shapeCompute(ctx: ShapeCtx, s: Statement): ComputeDecl | null {
  if (!requireArgs(ctx, s, 1, USAGE)) return null;
  const kind = readChoice(ctx, s.args[0], ['cluster', 'local'] as const, 'compute kind');
  if (!kind) return null;
  const c: ComputeDecl = { kind: kind.value, engine: null, workers: null, workerTier: null, workerMemory: null,
    range: s.keyword.range, file: ctx.file };
  if (kind.value === 'local') {
    noExtraArgs(ctx, s, 1, 'compute local');
    if (s.block) {
      ctx.rep.reportRange('PC1009', ctx.file, s.block.range, '`compute local` does not take a block',
        'remove the braces: a local epoch has no workers to size');
    }
    return c;
  }
  if (!requireArgs(ctx, s, 2, USAGE)) return null;
  c.engine = readChoice(ctx, s.args[1], COMPUTE_ENGINES, 'compute engine');
  noExtraArgs(ctx, s, 2, USAGE);
  if (!c.engine) return null;
  shapeStatements(ctx, splitSettings(s.block?.statements ?? []), {
    workers: { run: (r) => { if (requireArgs(ctx, r, 1, 'workers 4')) c.workers = readNumber(ctx, r.args[0], '`workers`'); noExtraArgs(ctx, r, 1, 'workers 4'); } },
    worker_tier: { run: (r) => { if (requireArgs(ctx, r, 1, 'worker_tier large')) c.workerTier = readName(ctx, r.args[0], '`worker_tier`'); noExtraArgs(ctx, r, 1, 'worker_tier large'); } },
    worker_memory: { run: (r) => { if (requireArgs(ctx, r, 1, 'worker_memory 8GB')) c.workerMemory = readQuantity(ctx, r.args[0], 'size', '`worker_memory`'); noExtraArgs(ctx, r, 1, 'worker_memory 8GB'); } },
  }, '`compute cluster`');
  return c;
}
