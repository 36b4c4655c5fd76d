/** Shaping `features { ... }` (derive, encode, scale, split) and `models { ... }` (baseline, tune). */
import type { Expr, Statement } from '../grammar/syntax.js';
import type { FeaturesDecl, Located, ModelsDecl, TuneDecl } from './model.js';
import {
  listItems, located, noExtraArgs, readChoice, readIdent, readName, readNumber, requireArgs, wrongKind, type ShapeCtx,
} from './shape-args.js';
import { shapeStatements } from './shape-block.js';
import { BUDGET_UNIT, BUDGET_WORDS } from '../catalogue/index.js';
import { normalizeQuantity, unitOfQuantity } from './units.js';

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

/** Shape `models { baseline ...; tune ...; sample ... }`. */
export function shapeModels(ctx: ShapeCtx, s: Statement): ModelsDecl {
  const m: ModelsDecl = { baselines: [], tune: null, baselineTimeSeconds: null, sample: null, range: s.keyword.range, file: ctx.file };
  noExtraArgs(ctx, s, 0, 'models { ... }');
  shapeStatements(ctx, s.block?.statements ?? [], {
    baseline: { repeat: true, run: (r) => {
      if (!requireArgs(ctx, r, 1, 'baseline sklearn.random_forest, xgboost')) return;
      const at = r.args.findIndex((a) => a.kind === 'Name' && a.text === BUDGET_WORDS.within);
      for (const item of listItems(at < 0 ? r.args : r.args.slice(0, at))) {
        const n = readName(ctx, item, '`baseline`');
        if (n) m.baselines.push(n);
      }
      if (at >= 0) {
        const usage = 'baseline sklearn.random_forest, xgboost within 2m each';
        m.baselineTimeSeconds = readBudget(ctx, r, at, usage);
        const tail = r.args.slice(at + 2);
        if (tail[0]?.kind === 'Name' && tail[0].text === BUDGET_WORDS.each) tail.shift();
        if (tail[0]) wrongKind(ctx, tail[0], '`each` or the end of the statement', '`baseline ... within`');
      }
    } },
    tune: { run: (r) => { m.tune = shapeTune(ctx, r); } },
    sample: { run: (r) => { m.sample = shapeSample(ctx, r); } },
  }, '`models`');
  return m;
}

/** `within <duration>` at `args[at]`: the budget in seconds (a size or bare number is refused). */
function readBudget(ctx: ShapeCtx, s: Statement, at: number, usage: string): Located<number> | null {
  const q = s.args[at + 1];
  if (!q) {
    ctx.rep.reportRange('PC1002', ctx.file, (s.args[at] as Expr).range, '`within` needs a duration', `write it as \`${usage}\``);
    return null;
  }
  if (q.kind !== 'Quantity' || unitOfQuantity(q.unit) !== BUDGET_UNIT) return wrongKind(ctx, q, 'a duration like `10m` or `90s`', '`within`');
  return located(ctx, normalizeQuantity(q.value, q.unit), q.range);
}

/** `sample 100_000 rows` or `sample off`. */
function shapeSample(ctx: ShapeCtx, s: Statement): ModelsDecl['sample'] {
  const usage = 'sample 100_000 rows';
  if (!requireArgs(ctx, s, 1, usage)) return null;
  const [a, unit] = s.args;
  if (a?.kind === 'Name' && a.text === 'off') {
    noExtraArgs(ctx, s, 1, 'sample off');
    return located(ctx, 'off' as const, a.range);
  }
  const n = readNumber(ctx, a, '`sample`');
  if (unit && !(unit.kind === 'Name' && unit.text === 'rows')) wrongKind(ctx, unit, '`rows`', '`sample N`');
  noExtraArgs(ctx, s, 2, usage);
  return n;
}

/** `tune best budget 40 trials [cv 5 folds] [strategy halving_random] [within 10m]`. */
function shapeTune(ctx: ShapeCtx, s: Statement): TuneDecl | null {
  const usage = 'tune best budget 40 trials cv 5 folds';
  if (!requireArgs(ctx, s, 3, usage)) return null;
  const target = readName(ctx, s.args[0], '`tune`');
  let trials: Located<number> | null = null;
  let folds: Located<number> | null = null;
  let strategy: TuneDecl['strategy'] = null;
  let timeSeconds: Located<number> | null = null;
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
    } else if (word === BUDGET_WORDS.within) {
      timeSeconds = readBudget(ctx, s, i + 1, 'tune best budget 40 trials within 10m');
      i++;
    } else wrongKind(ctx, a, '`budget N trials`, `cv N folds`, `strategy NAME` or `within DURATION`', '`tune`');
  }
  if (!target) return null;
  if (!trials) {
    ctx.rep.reportRange('PC1002', ctx.file, s.keyword.range, '`tune` needs a trial budget', `write it as \`${usage}\``);
    return null;
  }
  return { target, trials, folds, strategy, timeSeconds, range: s.range, file: ctx.file };
}
