/** Shaping `data synthetic { ... }` / `data file "x.csv" { ... }`: columns, distributions, the target. */
import type { CallExpr, Expr, MapExpr, Statement } from '../grammar/syntax.js';
import type { ColumnDecl, ColumnType, DataDecl, DistributionDecl, ShareDecl, TargetDecl, TargetKind } from './model.js';
import {
  describeExpr, located, numberValue, noExtraArgs, readChoice, readIdent, readNumber, readString, requireArgs,
  wrongKind, type ShapeCtx,
} from './shape-args.js';
import { shapeStatements } from './shape-block.js';

const COLUMN_TYPES: readonly ColumnType[] = ['int', 'float', 'category', 'bool', 'id', 'ignore', 'datetime', 'text'];
const TARGET_KINDS: readonly TargetKind[] = ['binary', 'category', 'float'];
/** Distribution name → its two parameters' names, in call order. */
export const DISTRIBUTIONS = ['uniform', 'normal', 'lognormal', 'beta'] as const;

/** Shape a `data` statement (the caller checked it has a block or a file path). */
export function shapeData(ctx: ShapeCtx, s: Statement): DataDecl | null {
  if (!requireArgs(ctx, s, 1, 'data synthetic { ... }` or `data file "data.csv"')) return null;
  const kind = readChoice(ctx, s.args[0], ['synthetic', 'file'] as const, 'data source');
  if (!kind) return null;
  const data: DataDecl = {
    kind: kind.value, path: null, format: null, rows: null, seed: null, columns: [], target: null,
    range: s.keyword.range, file: ctx.file,
  };
  if (kind.value === 'file') {
    if (!requireArgs(ctx, s, 2, 'data file "data.csv"')) return null;
    data.path = readString(ctx, s.args[1], '`data file`');
    noExtraArgs(ctx, s, 2, 'data file "data.csv"');
  } else {
    noExtraArgs(ctx, s, 1, 'data synthetic { ... }');
  }
  shapeStatements(ctx, s.block?.statements ?? [], {
    rows: { run: (r) => { data.rows = readNumber(ctx, r.args[0], '`rows`'); requireArgs(ctx, r, 1, 'rows 10_000'); noExtraArgs(ctx, r, 1, 'rows 10_000'); } },
    seed: { run: (r) => { data.seed = readNumber(ctx, r.args[0], '`seed`'); requireArgs(ctx, r, 1, 'seed 42'); noExtraArgs(ctx, r, 1, 'seed 42'); } },
    format: { run: (r) => { data.format = readChoice(ctx, r.args[0], ['csv', 'parquet'] as const, 'data format'); } },
    column: { repeat: true, run: (r) => { const c = shapeColumn(ctx, r); if (c) data.columns.push(c); } },
    target: { run: (r) => { data.target = shapeTarget(ctx, r); } },
  }, `\`data ${kind.value}\``);
  // A `format` statement wins over the extension (an export saved as `.txt`), so the path is read last.
  const formatWritten = s.block?.statements.some((st) => st.keyword.name === 'format') ?? false;
  if (data.path && !formatWritten) data.format = formatFromPath(ctx, data.path.value, data.path.range);
  return data;
}

function formatFromPath(ctx: ShapeCtx, path: string, range: DataDecl['range']): DataDecl['format'] {
  const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase();
  if (ext === 'csv') return located(ctx, 'csv', range);
  if (ext === 'parquet' || ext === 'pq') return located(ctx, 'parquet', range);
  ctx.rep.reportRange('PC3013', ctx.file, range, `cannot tell the format of data file "${path}"`,
    'use a `.csv` or `.parquet` file, or add `format csv` / `format parquet` inside the data block');
  return null;
}

/** `column NAME TYPE [distribution | {shares}] [clip(lo, hi)] [missing N%]`. */
function shapeColumn(ctx: ShapeCtx, s: Statement): ColumnDecl | null {
  const usage = 'column age int uniform(18, 80)';
  if (!requireArgs(ctx, s, 2, usage)) return null;
  const name = readIdent(ctx, s.args[0], '`column`');
  const type = readChoice(ctx, s.args[1], COLUMN_TYPES, 'column type');
  if (!name || !type) return null;
  const col: ColumnDecl = { name, type, distribution: null, categories: null, clip: null, missing: null,
    range: s.range, file: ctx.file };
  const rest = s.args.slice(2);
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as Expr;
    if (a.kind === 'Call' && a.callee.text === 'clip') {
      const p = callNumbers(ctx, a, 2);
      if (p) col.clip = { low: p[0], high: p[1], range: a.range, file: ctx.file };
    } else if (a.kind === 'Call') {
      col.distribution = shapeDistribution(ctx, a);
    } else if (a.kind === 'Map') {
      col.categories = shapeShares(ctx, a);
    } else if (a.kind === 'Name' && a.text === 'missing') {
      const q = rest[i + 1];
      i++;
      if (!q) ctx.rep.reportRange('PC1002', ctx.file, a.range, '`missing` needs a percentage', 'write it as `missing 2%`');
      else if (q.kind === 'Quantity' && q.unit === '%') col.missing = located(ctx, q.value, q.range);
      else wrongKind(ctx, q, 'a percentage like `2%`', '`missing`');
    } else {
      wrongKind(ctx, a, 'a distribution, `{ shares }`, `clip(lo, hi)` or `missing N%`', `column "${name.value}"`);
    }
  }
  return col;
}

/** `uniform(a, b)` etc.; PC1011 for an unknown distribution name. */
export function shapeDistribution(ctx: ShapeCtx, call: CallExpr): DistributionDecl | null {
  const kind = call.callee.text;
  if (!(DISTRIBUTIONS as readonly string[]).includes(kind)) {
    ctx.rep.reportRange('PC1011', ctx.file, call.callee.range, `unknown distribution \`${kind}\``,
      `use one of: ${DISTRIBUTIONS.join(', ')}`);
    return null;
  }
  const p = callNumbers(ctx, call, 2);
  return p ? { kind: kind as DistributionDecl['kind'], params: p, range: call.range, file: ctx.file } : null;
}

/** Exactly `n` number arguments of a call (PC1002/PC1003/PC1004 otherwise). */
function callNumbers(ctx: ShapeCtx, call: CallExpr, n: 2): [number, number] | null {
  const name = call.callee.text;
  if (call.args.length < n) {
    ctx.rep.reportRange('PC1002', ctx.file, call.range, `\`${name}\` needs ${n} numbers`, `write it as \`${name}(a, b)\``);
    return null;
  }
  const extra = call.args[n];
  if (extra) {
    ctx.rep.reportRange('PC1003', ctx.file, extra.range, `unexpected ${describeExpr(extra)} in \`${name}(...)\``, `\`${name}\` takes ${n} numbers`);
    return null;
  }
  const values = call.args.map((a) => numberValue(a) ?? wrongKind(ctx, a, 'a number', `\`${name}\``));
  return values.every((v): v is number => v !== null) ? [values[0] as number, values[1] as number] : null;
}

/** `{ employed: 70%, "self employed": 30% }` → shares (percent). */
export function shapeShares(ctx: ShapeCtx, m: MapExpr): ShareDecl[] {
  const out: ShareDecl[] = [];
  for (const e of m.entries) {
    if (e.value.kind === 'Quantity' && e.value.unit === '%') {
      out.push({ value: e.key, share: e.value.value, shareRange: e.value.range, range: e.keyRange, file: ctx.file });
    } else {
      wrongKind(ctx, e.value, 'a percentage like `20%`', `category "${e.key}"`);
    }
  }
  return out;
}

/** `target NAME KIND [logistic(expr) | linear(expr) [noise dist] | { shares }]`. */
function shapeTarget(ctx: ShapeCtx, s: Statement): TargetDecl | null {
  if (!requireArgs(ctx, s, 2, 'target default binary logistic(...)')) return null;
  const name = readIdent(ctx, s.args[0], '`target`');
  const kind = readChoice(ctx, s.args[1], TARGET_KINDS, 'target kind');
  if (!name || !kind) return null;
  const t: TargetDecl = { name, kind, generator: null, range: s.range, file: ctx.file };
  const g = s.args[2];
  if (!g) return t;
  if (g.kind === 'Map') {
    t.generator = { kind: 'categories', categories: shapeShares(ctx, g), range: g.range, file: ctx.file };
    noExtraArgs(ctx, s, 3, 'target segment category { a: 50%, b: 50% }');
  } else if (g.kind === 'Call' && (g.callee.text === 'logistic' || g.callee.text === 'linear')) {
    const formula = g.args[0];
    if (!formula || g.args.length > 1) {
      ctx.rep.reportRange(g.args.length > 1 ? 'PC1003' : 'PC1002', ctx.file, g.range,
        `\`${g.callee.text}\` takes exactly one formula`, `write it as \`${g.callee.text}(0.5 * x - 1)\``);
      return t;
    }
    if (g.callee.text === 'logistic') {
      t.generator = { kind: 'logistic', formula, range: g.range, file: ctx.file };
      noExtraArgs(ctx, s, 3, 'target default binary logistic(...)');
    } else {
      t.generator = { kind: 'linear', formula, noise: null, range: g.range, file: ctx.file };
      const [kw, dist] = [s.args[3], s.args[4]];
      if (kw && !(kw.kind === 'Name' && kw.text === 'noise')) wrongKind(ctx, kw, '`noise normal(0, s)`', '`linear(...)`');
      else if (kw && (!dist || dist.kind !== 'Call')) {
        if (dist) wrongKind(ctx, dist, 'a distribution like `normal(0, 5)`', '`noise`');
        else ctx.rep.reportRange('PC1002', ctx.file, kw.range, '`noise` needs a distribution', 'write it as `noise normal(0, 5)`');
      } else if (dist && dist.kind === 'Call') t.generator.noise = shapeDistribution(ctx, dist);
      noExtraArgs(ctx, s, 5, 'target price float linear(...) noise normal(0, 5)');
    }
  } else if (g.kind === 'Call') {
    ctx.rep.reportRange('PC1011', ctx.file, g.callee.range, `unknown target generator \`${g.callee.text}\``,
      'use `logistic(...)` for binary, `linear(...)` for float, or `{ a: 50%, b: 50% }` for category targets');
  } else {
    wrongKind(ctx, g, '`logistic(...)`, `linear(...)` or `{ shares }`', `target "${name.value}"`);
  }
  return t;
}
