/**
 * Shaping a whole file: a user spec holds one `project NAME { ... }`; a library holds one
 * `lifecycle NAME { ... }`. Required settings (PC1006) and the data block (PC1007) are checked here
 * because later stages cannot say anything useful without them.
 */
import type { Statement, SyntaxFile } from '../grammar/syntax.js';
import type { LifecycleDecl, ProjectDecl, ProblemKind } from './model.js';
import type { Reporter } from './report.js';
import { listItems, noExtraArgs, readChoice, readIdent, readName, readString, requireArgs, type ShapeCtx } from './shape-args.js';
import { shapeStatements } from './shape-block.js';
import { shapeData } from './shape-data.js';
import { shapeEpoch } from './shape-epoch.js';
import { shapeCompute } from './shape-compute.js';
import { shapeFeatures, shapeModels } from './shape-features.js';
import { shapeDeploy, shapeDomino, shapeLimits, shapeReview, shapeRisk, shapeTier } from './shape-infra.js';

const PROBLEMS: readonly ProblemKind[] = ['classification', 'regression'];

/** The one top-level `keyword NAME { ... }` statement of a file, or null (PC1010 reported). */
function topLevel(ctx: ShapeCtx, file: SyntaxFile, keyword: string): Statement | null {
  let found: Statement | null = null;
  for (const s of file.statements) {
    if (s.keyword.name === keyword && !found) { found = s; continue; }
    ctx.rep.reportRange('PC1010', ctx.file, s.keyword.range,
      s.keyword.name === keyword ? `a file holds one \`${keyword}\`; this is a second one` : `\`${s.keyword.name}\` must be inside the \`${keyword}\` block`,
      s.keyword.name === keyword ? 'split it into two files' : `move it inside \`${keyword} ... { }\``);
  }
  if (!found) {
    ctx.rep.reportRange('PC1010', ctx.file, undefined, `the file has no \`${keyword}\` block`,
      `start the file with \`${keyword} my_name { ... }\``);
    return null;
  }
  if (!requireArgs(ctx, found, 1, `${keyword} my_name { ... }`)) return null;
  noExtraArgs(ctx, found, 1, `${keyword} my_name { ... }`);
  if (!found.block) {
    ctx.rep.reportRange('PC1009', ctx.file, found.keyword.range, `\`${keyword}\` needs a block \`{ ... }\``, `write \`${keyword} my_name { ... }\``);
    return null;
  }
  return found;
}

/** Shape a user spec into a ProjectDecl; null when the file has no usable `project` block. */
export function shapeProject(file: SyntaxFile, rep: Reporter): ProjectDecl | null {
  const ctx: ShapeCtx = { file: file.path, rep };
  const top = topLevel(ctx, file, 'project');
  const name = top ? readIdent(ctx, top.args[0], '`project`') : null;
  if (!top || !name) return null;
  const p: ProjectDecl = {
    name, title: null, objective: null, problem: null, target: null, metric: null, uses: [], domino: null,
    limits: null, data: null, features: null, models: null, epochs: [], deploy: null, reviews: [], risks: [], compute: null,
    range: name.range, file: ctx.file,
  };
  const one = <K extends 'title' | 'objective'>(key: K) => ({ run: (s: Statement) => {
    if (requireArgs(ctx, s, 1, `${key} "..."`)) p[key] = readString(ctx, s.args[0], `\`${key}\``);
    noExtraArgs(ctx, s, 1, `${key} "..."`);
  } });
  const word = <K extends 'target' | 'metric'>(key: K) => ({ run: (s: Statement) => {
    if (requireArgs(ctx, s, 1, `${key} NAME`)) p[key] = readName(ctx, s.args[0], `\`${key}\``);
    noExtraArgs(ctx, s, 1, `${key} NAME`);
  } });
  shapeStatements(ctx, top.block?.statements ?? [], {
    title: one('title'),
    objective: one('objective'),
    problem: { run: (s) => { if (requireArgs(ctx, s, 1, 'problem classification')) p.problem = readChoice(ctx, s.args[0], PROBLEMS, 'problem kind'); noExtraArgs(ctx, s, 1, 'problem classification'); } },
    target: word('target'),
    metric: word('metric'),
    use: { repeat: true, run: (s) => {
      if (!requireArgs(ctx, s, 1, 'use lifecycle.domino_standard')) return;
      for (const item of listItems(s.args)) {
        const n = readName(ctx, item, '`use`');
        if (n) p.uses.push({ name: n, range: n.range, file: ctx.file });
      }
    } },
    domino: { block: 'required', run: (s) => { p.domino = shapeDomino(ctx, s); } },
    limits: { block: 'required', run: (s) => { p.limits = shapeLimits(ctx, s); } },
    data: { block: 'optional', run: (s) => { p.data = shapeData(ctx, s); } },
    features: { block: 'required', run: (s) => { p.features = shapeFeatures(ctx, s); } },
    models: { block: 'required', run: (s) => { p.models = shapeModels(ctx, s); } },
    epoch: { block: 'optional', repeat: true, run: (s) => { const e = shapeEpoch(ctx, s); if (e) p.epochs.push(e); } },
    compute: { block: 'optional', run: (s) => { p.compute = shapeCompute(ctx, s); } },
    deploy: { block: 'required', run: (s) => { p.deploy = shapeDeploy(ctx, s); } },
    review: { repeat: true, run: (s) => { const r = shapeReview(ctx, s); if (r) p.reviews.push(r); } },
    risk: { block: 'required', repeat: true, run: (s) => { const r = shapeRisk(ctx, s); if (r) p.risks.push(r); } },
  }, `project "${name.value}"`);
  const hasSetting = (kw: string) => top.block?.statements.some((s) => s.keyword.name === kw) ?? false;
  for (const [kw, example] of [['problem', 'problem classification'], ['target', 'target default']] as const) {
    if (!hasSetting(kw)) {
      rep.report('PC1006', name, `project "${name.value}" has no \`${kw}\` setting`, `add \`${example}\` inside the project block`);
    }
  }
  if (!hasSetting('data')) {
    rep.report('PC1007', name, `project "${name.value}" has no \`data\` block`,
      'add `data synthetic { rows 10_000 ... }` or `data file "data.csv"`');
  }
  return p;
}

/** Shape a library file into a LifecycleDecl; null when it has no usable `lifecycle` block. */
export function shapeLifecycle(file: SyntaxFile, rep: Reporter): LifecycleDecl | null {
  const ctx: ShapeCtx = { file: file.path, rep };
  const top = topLevel(ctx, file, 'lifecycle');
  const name = top ? readName(ctx, top.args[0], '`lifecycle`') : null;
  if (!top || !name) return null;
  const lib: LifecycleDecl = { name, tiers: [], limits: null, epochs: [], reviews: [], range: name.range, file: ctx.file };
  shapeStatements(ctx, top.block?.statements ?? [], {
    tier: { repeat: true, run: (s) => { const t = shapeTier(ctx, s); if (t) lib.tiers.push(t); } },
    limits: { block: 'required', run: (s) => { lib.limits = shapeLimits(ctx, s); } },
    epoch: { block: 'required', repeat: true, run: (s) => { const e = shapeEpoch(ctx, s); if (e) lib.epochs.push(e); } },
    review: { repeat: true, run: (s) => { const r = shapeReview(ctx, s); if (r) lib.reviews.push(r); } },
  }, `lifecycle "${name.value}"`);
  return lib;
}

