/** Shaping `features { ... }` (derive, encode, scale, split) and `models { ... }` (baseline, tune). */
import type { Expr, Statement } from '../grammar/syntax.js';
import type { FeaturesDecl, Located, ModelsDecl, TuneDecl } from './model.js';
import {
  listItems, located, noExtraArgs, readChoice, readIdent, readName, readNumber, requireArgs, wrongKind, type ShapeCtx,
} from './shape-args.js';
import { shapeStatements } from './shape-block.js';

/** Shape `features { ... }`. */
export function shapeFeatures(ctx: ShapeCtx, s: Statement): FeaturesDecl {
  const f: FeaturesDecl = { derives: [], encodings: [], scale: null, split: null, range: s.keyword.range, file: ctx.file };
  noExtraArgs(ctx, s, 0, 'features { ... }');
  shapeStatements(ctx, s.block?.statements ?? [], {
    derive: { repeat: true, run: (r) => {
      const a = r.args[0];
      if (!requireArgs(ctx, r, 1, 'derive ratio = a / b')) return;
      if (a?.kind !== 'Binary' || a.op !== '=') {
        if (a) wrongKind(ctx, a, '`name = formula`', '`derive`');
        return;
      }
      const name = readIdent(ctx, a.left, '`derive`');
      if (name) f.derives.push({ name, formula: a.right, range: r.range, file: ctx.file });
      noExtraArgs(ctx, r, 1, 'derive ratio = a / b');
    } },
    encode: { repeat: true, run: (r) => {
      if (!requireArgs(ctx, r, 2, 'encode employment onehot')) return;
      const column = readName(ctx, r.args[0], '`encode`');
      const method = readChoice(ctx, r.args[1], ['onehot', 'ordinal'] as const, 'encoding');
      noExtraArgs(ctx, r, 2, 'encode employment onehot');
      if (column && method) f.encodings.push({ column, method, range: r.range, file: ctx.file });
    } },
    scale: { run: (r) => {
      if (!requireArgs(ctx, r, 1, 'scale standard')) return;
      f.scale = readChoice(ctx, r.args[0], ['standard', 'minmax', 'robust', 'none'] as const, 'scaling');
      noExtraArgs(ctx, r, 1, 'scale standard');
    } },
    split: { run: (r) => { f.split = shapeSplit(ctx, r); } },
  }, '`features`');
  return f;
}

/** `split test 20% [stratify] [seed 42]`. */
function shapeSplit(ctx: ShapeCtx, s: Statement): FeaturesDecl['split'] {
  const usage = 'split test 20% stratify seed 42';
  if (!requireArgs(ctx, s, 2, usage)) return null;
  const [kw, pct] = s.args;
  if (kw && !(kw.kind === 'Name' && kw.text === 'test')) return wrongKind(ctx, kw, '`test`', '`split`');
  if (!pct || pct.kind !== 'Quantity' || pct.unit !== '%') return pct ? wrongKind(ctx, pct, 'a percentage like `20%`', '`split test`') : null;
  const split: NonNullable<FeaturesDecl['split']> = {
    testPercent: located(ctx, pct.value, pct.range), stratify: null, seed: null, range: s.range, file: ctx.file,
  };
  const rest = s.args.slice(2);
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as Expr;
    if (a.kind === 'Name' && a.text === 'stratify') split.stratify = located(ctx, true, a.range);
    else if (a.kind === 'Name' && a.text === 'seed') {
      split.seed = readNumber(ctx, rest[i + 1], '`seed`');
      if (!rest[i + 1]) ctx.rep.reportRange('PC1002', ctx.file, a.range, '`seed` needs a number', `write it as \`${usage}\``);
      i++;
    } else wrongKind(ctx, a, '`stratify` or `seed N`', '`split`');
  }
  return split;
}

/** Shape `models { baseline ...; tune ... }`. */
export function shapeModels(ctx: ShapeCtx, s: Statement): ModelsDecl {
  const m: ModelsDecl = { baselines: [], tune: null, range: s.keyword.range, file: ctx.file };
  noExtraArgs(ctx, s, 0, 'models { ... }');
  shapeStatements(ctx, s.block?.statements ?? [], {
    baseline: { repeat: true, run: (r) => {
      if (!requireArgs(ctx, r, 1, 'baseline sklearn.random_forest, xgboost')) return;
      for (const item of listItems(r.args)) {
        const n = readName(ctx, item, '`baseline`');
        if (n) m.baselines.push(n);
      }
    } },
    tune: { run: (r) => { m.tune = shapeTune(ctx, r); } },
  }, '`models`');
  return m;
}

/** `tune best budget 40 trials [cv 5 folds] [strategy halving_random]`. */
function shapeTune(ctx: ShapeCtx, s: Statement): TuneDecl | null {
  const usage = 'tune best budget 40 trials cv 5 folds';
  if (!requireArgs(ctx, s, 3, usage)) return null;
  const target = readName(ctx, s.args[0], '`tune`');
  let trials: Located<number> | null = null;
  let folds: Located<number> | null = null;
  let strategy: TuneDecl['strategy'] = null;
  const rest = s.args.slice(1);
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as Expr;
    const word = a.kind === 'Name' ? a.text : '';
    if (word === 'budget' || word === 'cv') {
      const n = readNumber(ctx, rest[i + 1], `\`${word}\``);
      if (!rest[i + 1]) ctx.rep.reportRange('PC1002', ctx.file, a.range, `\`${word}\` needs a number`, `write it as \`${usage}\``);
      if (word === 'budget') trials = n;
      else folds = n;
      const unit = rest[i + 2];
      const expected = word === 'budget' ? 'trials' : 'folds';
      i += unit?.kind === 'Name' && unit.text === expected ? 2 : 1;
    } else if (word === 'strategy') {
      strategy = readChoice(ctx, rest[i + 1], ['halving_random', 'random'] as const, 'tuning strategy');
      i++;
    } else wrongKind(ctx, a, '`budget N trials`, `cv N folds` or `strategy NAME`', '`tune`');
  }
  if (!target) return null;
  if (!trials) {
    ctx.rep.reportRange('PC1002', ctx.file, s.keyword.range, '`tune` needs a trial budget', `write it as \`${usage}\``);
    return null;
  }
  return { target, trials, folds, strategy, range: s.range, file: ctx.file };
}
