/**
 * Epoch 001's planning documents, derived from the spec: requirements, plan, success criteria (the
 * gates in words and as rules), resource estimates, risk assessment, executive summary. JSON documents
 * are built here as data (stable key order); Markdown comes from templates.
 */
import { makeFile } from '../files.js';
import type { OutputFile } from '../types.js';
import { renderFormula, stableJson, viewEpoch, type EmitContext } from '../view-model.js';
import { describeExpected, describeMethod, describeResources } from '../../ir/feasibility-text.js';
import type { Ir } from '../../ir/schema.js';

/** A gate rule's expectation from the IR's feasibility block (absent: the compiler did not assess it). */
function expectationOf(ir: Ir, ruleId: string): { expected: number | null; half_width: number; verdict: string; text: string } | null {
  const g = ir.feasibility?.gates.find((x) => x.rule === ruleId);
  return g ? { expected: g.expected, half_width: g.halfWidth, verdict: g.verdict, text: `${g.verdict}: ${describeExpected(g)}` } : null;
}

/** File names of the planning documents (the 001 script checks exactly these). */
export const PLANNING_DOCUMENTS = [
  'executive_summary.md',
  'project_plan.json',
  'requirements.md',
  'resource_estimates.json',
  'risk_assessment.json',
  'success_criteria.json',
] as const;

/** Scores for the risk matrix (probability × impact). */
const LEVEL: Record<string, number> = { low: 1, medium: 2, high: 3 };

/** Emits the planning documents into the 001 folder. */
export function planningDocuments(ctx: EmitContext): OutputFile[] {
  const { ir, engine, project } = ctx;
  const e001 = ir.epochs.find((e) => e.id === '001');
  if (!e001) return [];
  const dir = e001.dir;
  // Each gate carries what the feasibility pass expects of it (null when not assessed), for the documents.
  const epochs = ir.epochs.map((e) => viewEpoch(ir, e)).map((e) => ({
    ...e, gate: e.gate.map((g) => ({ ...g, expected: expectationOf(ir, g.id)?.text ?? null })),
  }));
  const plan = {
    project_name: ir.project.name,
    title: ir.project.title,
    business_objective: ir.project.objective,
    problem: ir.project.problem,
    target: ir.data.target.name,
    primary_metric: ir.project.metric,
    models: ir.models.baselines.map((m) => m.id),
    tuning: ir.models.tune,
    epochs: Object.fromEntries(
      epochs.map((e) => [
        e.id,
        { name: e.name, title: e.title, folder: e.dir, agent: e.agent, dependencies: e.after, deliverables: e.deliverables,
          estimated_minutes: e.minutes, review: e.review },
      ]),
    ),
  };
  const criteria = Object.fromEntries(
    epochs.map((e) => [
      e.id,
      {
        criteria: e.gate.map((g) => (g.note ? `${g.text} (${g.note})` : g.text)),
        rules: e.gate.map((g) => {
          const x = expectationOf(ir, g.id);
          const rule = { id: g.id, fact: g.fact, op: g.op, value: g.value, unit: g.unit, origin: g.origin };
          // Expected values only where the compiler assessed the rule (IRs without the block stay as they were).
          return x ? { ...rule, expected: x.expected, expected_half_width: x.half_width, feasibility: x.verdict } : rule;
        }),
        facts: e.produces.map((f) => f.name),
        review: e.review,
      },
    ]),
  );
  const resources = {
    epochs: Object.fromEntries(
      epochs.map((e) => [e.id, { minutes: e.minutes, memory_gb: e.memoryGb, tier: e.tier, hardware_tier: e.hardwareTier }]),
    ),
    total_estimated_minutes: epochs.reduce((s, e) => s + e.minutes, 0),
    peak_memory_gb: epochs.reduce((m, e) => Math.max(m, e.memoryGb), 0),
    limits: {
      max_file_size_bytes: ir.limits.maxFileSizeBytes,
      max_memory_bytes: ir.limits.maxMemoryBytes,
      chunk_rows: ir.limits.chunkRows,
    },
    ...(ir.feasibility ? {
      data: {
        rows: ir.feasibility.resources.rows,
        estimated_file_bytes: ir.feasibility.resources.fileBytes,
        rows_that_fit: ir.feasibility.resources.rowsThatFit,
        estimated_peak_memory_bytes: ir.feasibility.resources.peakMemoryBytes,
      },
    } : {}),
  };
  const risks = {
    risks: ir.risks.map((r) => ({
      risk: r.title,
      probability: r.probability,
      impact: r.impact,
      score: (LEVEL[r.probability] ?? 0) * (LEVEL[r.impact] ?? 0),
      mitigation: r.mitigation,
      origin: 'spec',
    })),
  };
  const view = {
    project,
    epochs,
    risks: risks.risks,
    columns: ir.data.columns.map((c) => ({ name: c.name, type: c.type, missing: c.missing })),
    targetText:
      ir.data.target.generator && ir.data.target.generator.kind !== 'categories'
        ? `${ir.data.target.generator.kind}(${renderFormula(ir.data.target.generator.formula)})`
        : ir.data.target.kind,
    derives: ir.features.derives.map((d) => ({ name: d.name, text: renderFormula(d.formula) })),
    models: ir.models.baselines.map((m) => m.id),
    totalMinutes: resources.total_estimated_minutes,
    apiPath: ir.deploy.api?.path ?? null,
    appTitle: ir.deploy.app?.title ?? null,
    promoteAlias: ir.deploy.promote?.alias ?? null,
    feasibility: ir.feasibility ? { method: describeMethod(ir.feasibility), resources: describeResources(ir.feasibility) } : null,
  };
  const src = ['project', 'epochs', 'risks', 'data', 'features', 'models', 'deploy', 'feasibility'];
  return [
    makeFile(`${dir}/executive_summary.md`, engine.render('epoch001/executive_summary.md.hbs', view), src),
    makeFile(`${dir}/project_plan.json`, stableJson(plan), src),
    makeFile(`${dir}/requirements.md`, engine.render('epoch001/requirements.md.hbs', view), src),
    makeFile(`${dir}/resource_estimates.json`, stableJson(resources), ['epochs', 'limits', 'domino', 'feasibility']),
    makeFile(`${dir}/risk_assessment.json`, stableJson(risks), ['risks']),
    makeFile(`${dir}/success_criteria.json`, stableJson(criteria), ['epochs', 'feasibility']),
  ];
}
