/** Shaping the platform statements: `domino`, `limits`, `deploy`, `review`, `risk`, `tier`. */
import type { Expr, Statement } from '../grammar/syntax.js';
import type { DeployDecl, DominoDecl, LimitsDecl, Level, ReviewDecl, RiskDecl, TierDecl } from './model.js';
import {
  located, noExtraArgs, readChoice, readEpochId, readName, readNumber, readString, requireArgs, wrongKind,
  type ShapeCtx,
} from './shape-args.js';
import { shapeStatements } from './shape-block.js';
import { readQuantity } from './shape-epoch.js';
import { normalizeQuantity, unitOfQuantity } from './units.js';

const LEVELS: readonly Level[] = ['low', 'medium', 'high'];

/** True when `e` is the bare word `id` (`environment id "..."`, `tier small id "..."`). */
const isIdWord = (e: Expr | undefined): boolean => e?.kind === 'Name' && e.text === 'id';

/** `tier small "Small"` (display name) or `tier small id "small-k8s"` (hardware tier id). */
export function shapeTier(ctx: ShapeCtx, s: Statement): TierDecl | null {
  const usage = 'tier small "Small"` or `tier small id "small-k8s"';
  if (!requireArgs(ctx, s, 2, usage)) return null;
  const name = readName(ctx, s.args[0], '`tier`');
  const byId = isIdWord(s.args[1]);
  if (byId && !requireArgs(ctx, s, 3, 'tier small id "small-k8s"')) return null;
  const hardware = readString(ctx, s.args[byId ? 2 : 1], '`tier`');
  noExtraArgs(ctx, s, byId ? 3 : 2, usage);
  return name && hardware ? { name, hardware, byId, range: name.range, file: ctx.file } : null;
}

/** `environment "Domino Standard Environment Py3.11"` or `environment id "6549a5b4c7d2e1f0a9b8c7d6"`. */
function shapeEnvironment(ctx: ShapeCtx, r: Statement, d: DominoDecl): void {
  const usage = 'environment "Domino Standard Environment Py3.11"` or `environment id "<24 hex digits>"';
  if (!requireArgs(ctx, r, 1, usage)) return;
  d.environmentById = isIdWord(r.args[0]);
  if (d.environmentById && !requireArgs(ctx, r, 2, 'environment id "<24 hex digits>"')) return;
  d.environment = readString(ctx, r.args[d.environmentById ? 1 : 0], '`environment`');
  noExtraArgs(ctx, r, d.environmentById ? 2 : 1, usage);
}

/** `domino { environment [id] "..."  tier small [id] "..."  volume 10GB  git_ref "main" }`. */
export function shapeDomino(ctx: ShapeCtx, s: Statement): DominoDecl {
  const d: DominoDecl = { environment: null, environmentById: false, tiers: [], volumeGiB: null, gitRef: null, range: s.keyword.range, file: ctx.file };
  noExtraArgs(ctx, s, 0, 'domino { ... }');
  shapeStatements(ctx, s.block?.statements ?? [], {
    environment: { run: (r) => shapeEnvironment(ctx, r, d) },
    git_ref: { run: (r) => { if (requireArgs(ctx, r, 1, 'git_ref "main"')) d.gitRef = readString(ctx, r.args[0], '`git_ref`'); noExtraArgs(ctx, r, 1, 'git_ref "main"'); } },
    volume: { run: (r) => {
      if (!requireArgs(ctx, r, 1, 'volume 10GB')) return;
      const q = readQuantity(ctx, r.args[0], 'size', '`volume`');
      if (q) d.volumeGiB = { ...q, value: q.value / 1024 ** 3 };
      noExtraArgs(ctx, r, 1, 'volume 10GB');
    } },
    tier: { repeat: true, run: (r) => { const t = shapeTier(ctx, r); if (t) d.tiers.push(t); } },
  }, '`domino`');
  return d;
}

/** `limits { max_file_size 50MB  max_memory 12GB  chunk_rows 10_000  checkpoint every 10% or 5m }`. */
export function shapeLimits(ctx: ShapeCtx, s: Statement): LimitsDecl {
  const l: LimitsDecl = { maxFileSize: null, maxMemory: null, chunkRows: null, checkpointPercent: null,
    checkpointSeconds: null, range: s.keyword.range, file: ctx.file };
  noExtraArgs(ctx, s, 0, 'limits { ... }');
  shapeStatements(ctx, s.block?.statements ?? [], {
    max_file_size: { run: (r) => { if (requireArgs(ctx, r, 1, 'max_file_size 50MB')) l.maxFileSize = readQuantity(ctx, r.args[0], 'size', '`max_file_size`'); noExtraArgs(ctx, r, 1, 'max_file_size 50MB'); } },
    max_memory: { run: (r) => { if (requireArgs(ctx, r, 1, 'max_memory 12GB')) l.maxMemory = readQuantity(ctx, r.args[0], 'size', '`max_memory`'); noExtraArgs(ctx, r, 1, 'max_memory 12GB'); } },
    chunk_rows: { run: (r) => { if (requireArgs(ctx, r, 1, 'chunk_rows 10_000')) l.chunkRows = readNumber(ctx, r.args[0], '`chunk_rows`'); noExtraArgs(ctx, r, 1, 'chunk_rows 10_000'); } },
    checkpoint: { run: (r) => {
      if (!requireArgs(ctx, r, 1, 'checkpoint every 10% or 5m')) return;
      for (const q of flattenOr(r.args)) {
        if (q.kind === 'Name' && q.text === 'every') continue;
        if (q.kind !== 'Quantity' || unitOfQuantity(q.unit) === 'size') { wrongKind(ctx, q, 'a percentage or a duration', '`checkpoint`'); continue; }
        const v = located(ctx, normalizeQuantity(q.value, q.unit), q.range);
        if (q.unit === '%') l.checkpointPercent = v;
        else l.checkpointSeconds = v;
      }
    } },
  }, '`limits`');
  return l;
}

/** `every 10% or 5m` may arrive as one `or` expression or as separate words; accept both. */
function flattenOr(args: readonly Expr[]): Expr[] {
  return args.flatMap((a) => {
    if (a.kind === 'Binary' && a.op === 'or') return flattenOr([a.left, a.right]);
    if (a.kind === 'Name' && a.text === 'or') return [];
    return [a];
  });
}

/** `deploy { api "/predict" latency_p95 < 100ms  app streamlit "..."  promote production after review }`. */
export function shapeDeploy(ctx: ShapeCtx, s: Statement): DeployDecl {
  const d: DeployDecl = { api: null, app: null, promote: null, range: s.keyword.range, file: ctx.file };
  noExtraArgs(ctx, s, 0, 'deploy { ... }');
  shapeStatements(ctx, s.block?.statements ?? [], {
    api: { run: (r) => {
      const usage = 'api "/predict" latency_p95 < 100ms';
      if (!requireArgs(ctx, r, 1, usage)) return;
      const path = readString(ctx, r.args[0], '`api`');
      const cond = r.args[1];
      noExtraArgs(ctx, r, 2, usage);
      if (!path) return;
      d.api = { path, latency: null, latencyUnitOk: true, range: r.keyword.range, file: ctx.file };
      if (!cond) return;
      if (cond.kind !== 'Binary' || cond.left.kind !== 'Name' || cond.left.text !== 'latency_p95' || !['<', '<='].includes(cond.op)) {
        wrongKind(ctx, cond, '`latency_p95 < 100ms`', '`api`');
        return;
      }
      const v = cond.right;
      const ok = v.kind === 'Quantity' && unitOfQuantity(v.unit) === 'duration';
      d.api.latencyUnitOk = ok;
      d.api.latency = located(ctx, ok ? normalizeQuantity(v.value, v.unit) : v.kind === 'Number' ? v.value : NaN, v.range);
    } },
    app: { run: (r) => {
      if (!requireArgs(ctx, r, 2, 'app streamlit "Explorer"')) return;
      const kind = readChoice(ctx, r.args[0], ['streamlit'] as const, 'app kind');
      const title = readString(ctx, r.args[1], '`app`');
      noExtraArgs(ctx, r, 2, 'app streamlit "Explorer"');
      if (kind && title) d.app = { kind, title, range: r.keyword.range, file: ctx.file };
    } },
    promote: { run: (r) => {
      if (!requireArgs(ctx, r, 1, 'promote production after review')) return;
      const alias = readName(ctx, r.args[0], '`promote`');
      const [a, b] = [r.args[1], r.args[2]];
      const afterReview = a?.kind === 'Name' && a.text === 'after' && b?.kind === 'Name' && b.text === 'review';
      if (a && !afterReview) wrongKind(ctx, a, '`after review`', '`promote`');
      noExtraArgs(ctx, r, 3, 'promote production after review');
      if (alias) d.promote = { alias, afterReview, range: r.keyword.range, file: ctx.file };
    } },
  }, '`deploy`');
  return d;
}

/** `review after 003 "Data quality assessment"`. */
export function shapeReview(ctx: ShapeCtx, s: Statement): ReviewDecl | null {
  const usage = 'review after 003 "Data quality assessment"';
  if (!requireArgs(ctx, s, 3, usage)) return null;
  const [kw] = s.args;
  if (kw && !(kw.kind === 'Name' && kw.text === 'after')) return wrongKind(ctx, kw, '`after`', '`review`');
  const after = readEpochId(ctx, s.args[1], '`review after`');
  const title = readString(ctx, s.args[2], '`review`');
  noExtraArgs(ctx, s, 3, usage);
  return after && title ? { after, title, range: s.keyword.range, file: ctx.file } : null;
}

/** `risk "title" { probability high  impact medium  mitigation "..." }`. */
export function shapeRisk(ctx: ShapeCtx, s: Statement): RiskDecl | null {
  if (!requireArgs(ctx, s, 1, 'risk "Overfitting" { ... }')) return null;
  const title = readString(ctx, s.args[0], '`risk`');
  noExtraArgs(ctx, s, 1, 'risk "Overfitting" { ... }');
  if (!title) return null;
  const r: RiskDecl = { title, probability: null, impact: null, mitigation: null, range: title.range, file: ctx.file };
  shapeStatements(ctx, s.block?.statements ?? [], {
    probability: { run: (q) => { if (requireArgs(ctx, q, 1, 'probability high')) r.probability = readChoice(ctx, q.args[0], LEVELS, 'probability'); } },
    impact: { run: (q) => { if (requireArgs(ctx, q, 1, 'impact medium')) r.impact = readChoice(ctx, q.args[0], LEVELS, 'impact'); } },
    mitigation: { run: (q) => { if (requireArgs(ctx, q, 1, 'mitigation "..."')) r.mitigation = readString(ctx, q.args[0], '`mitigation`'); } },
  }, `risk "${title.value}"`);
  return r;
}
