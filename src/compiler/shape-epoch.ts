/** Shaping `epoch NNN [name] { ... }`: metadata, dependencies, facts produced and gate rules. */
import type { Expr, Statement } from '../grammar/syntax.js';
import type { Unit } from '../ir/schema.js';
import type { EpochDecl, FactDecl, Located } from './model.js';
import {
  listItems, located, noExtraArgs, readChoice, readEpochId, readIdent, readName, readNumber, readString, requireArgs,
  wrongKind, type ShapeCtx,
} from './shape-args.js';
import { shapeStatements } from './shape-block.js';
import { shapeCompute } from './shape-compute.js';
import { readQuantity } from './shape-quantity.js';
import { FACT_UNITS, normalizeQuantity, unitOfQuantity } from './units.js';

export { readQuantity };

/** Shape an `epoch` statement (stdlib or user). */
export function shapeEpoch(ctx: ShapeCtx, s: Statement): EpochDecl | null {
  if (!requireArgs(ctx, s, 1, 'epoch 009 drift_watch { ... }')) return null;
  const id = readEpochId(ctx, s.args[0], '`epoch`');
  const name = s.args[1] ? readIdent(ctx, s.args[1], '`epoch`') : null;
  noExtraArgs(ctx, s, 2, 'epoch 009 drift_watch { ... }');
  if (!id) return null;
  const e: EpochDecl = {
    id, name, title: null, dir: null, agent: null, experiment: null, after: [], tier: null, estimate: null,
    deliverables: [], produces: [], metricFacts: null, gate: [], timeoutSeconds: null, retries: null, compute: null,
    range: s.args[0]?.range ?? s.range, file: ctx.file,
  };
  const str = (set: (v: Located<string> | null) => void, usage: string) => ({ run: (r: Statement) => {
    if (requireArgs(ctx, r, 1, usage)) set(readString(ctx, r.args[0], `\`${r.keyword.name}\``));
    noExtraArgs(ctx, r, 1, usage);
  } });
  shapeStatements(ctx, s.block?.statements ?? [], {
    title: str((v) => { e.title = v; }, 'title "Drift watch"'),
    dir: str((v) => { e.dir = v; }, 'dir "epoch009-drift-watch"'),
    agent: str((v) => { e.agent = v; }, 'agent "Model-Tester-Agent"'),
    experiment: str((v) => { e.experiment = v; }, 'experiment "{project}_model"'),
    metric_facts: str((v) => { e.metricFacts = v; }, 'metric_facts "Test-set metrics"'),
    after: { repeat: true, run: (r) => {
      if (!requireArgs(ctx, r, 1, 'after 007')) return;
      for (const item of listItems(r.args)) {
        const dep = readEpochId(ctx, item, '`after`');
        if (dep) e.after.push(dep);
      }
    } },
    tier: { run: (r) => { if (requireArgs(ctx, r, 1, 'tier small')) e.tier = readName(ctx, r.args[0], '`tier`'); noExtraArgs(ctx, r, 1, 'tier small'); } },
    estimate: { run: (r) => {
      if (!requireArgs(ctx, r, 2, 'estimate 2h 4GB')) return;
      const t = readQuantity(ctx, r.args[0], 'duration', '`estimate`');
      const m = readQuantity(ctx, r.args[1], 'size', '`estimate`');
      noExtraArgs(ctx, r, 2, 'estimate 2h 4GB');
      if (t && m) e.estimate = { minutes: t.value / 60, memoryGb: m.value / 1024 ** 3, range: r.range, file: ctx.file };
    } },
    deliverables: { run: (r) => {
      for (const item of listItems(r.args)) {
        const d = readString(ctx, item, '`deliverables`');
        if (d) e.deliverables.push(d);
      }
    } },
    produces: { repeat: true, run: (r) => {
      if (!requireArgs(ctx, r, 1, 'produces drift_checks: count')) return;
      for (const item of listItems(r.args)) {
        if (item.kind !== 'Pair') { wrongKind(ctx, item, '`name: unit`', '`produces`'); continue; }
        const unit = readChoice(ctx, item.value, FACT_UNITS, 'fact unit');
        if (unit) e.produces.push({ name: located(ctx, item.key.name, item.key.range), unit, description: '', range: item.range, file: ctx.file });
      }
    } },
    fact: { repeat: true, run: (r) => { const f = shapeFact(ctx, r); if (f) e.produces.push(f); } },
    gate: { block: 'required', repeat: true, run: (r) => {
      noExtraArgs(ctx, r, 0, 'gate { require ... }');
      shapeStatements(ctx, r.block?.statements ?? [], {
        require: { repeat: true, run: (q) => {
          if (!requireArgs(ctx, q, 1, 'require metric.f1_score >= 0.7 "why"')) return;
          const message = q.args[1] ? readString(ctx, q.args[1], '`require`') : null;
          noExtraArgs(ctx, q, 2, 'require metric.f1_score >= 0.7 "why"');
          e.gate.push({ expr: q.args[0] as Expr, message, range: q.args[0]?.range ?? q.range, file: ctx.file });
        } },
      }, '`gate`');
    } },
    timeout: { run: (r) => { if (requireArgs(ctx, r, 1, 'timeout 2h')) e.timeoutSeconds = readQuantity(ctx, r.args[0], 'duration', '`timeout`'); noExtraArgs(ctx, r, 1, 'timeout 2h'); } },
    compute: { block: 'optional', run: (r) => { e.compute = shapeCompute(ctx, r); } },
    retries: { run: (r) => { if (requireArgs(ctx, r, 1, 'retries 2')) e.retries = readNumber(ctx, r.args[0], '`retries`'); noExtraArgs(ctx, r, 1, 'retries 2'); } },
  }, `epoch ${id.value}`);
  return e;
}

/** `fact data.rows count "Rows in the dataset"`: a fact with a description (used by the stdlib). */
function shapeFact(ctx: ShapeCtx, s: Statement): FactDecl | null {
  const usage = 'fact data.rows count "Rows in the dataset"';
  if (!requireArgs(ctx, s, 2, usage)) return null;
  const name = readName(ctx, s.args[0], '`fact`');
  const unit = readChoice<Unit>(ctx, s.args[1], FACT_UNITS, 'fact unit');
  const desc = s.args[2] ? readString(ctx, s.args[2], '`fact`') : null;
  noExtraArgs(ctx, s, 3, usage);
  return name && unit ? { name, unit, description: desc?.value ?? '', range: name.range, file: ctx.file } : null;
}
