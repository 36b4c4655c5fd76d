/**
 * Lowering epochs: stdlib and spec declarations merged into IR epochs, defaults applied, gate values
 * normalised, then ordered topologically with ties broken by id (ir/dag.ts topoOrder), so the order is
 * a pure function of the spec.
 */
import type { Expr } from '../grammar/syntax.js';
import type { Compute, Epoch, GateRule } from '../ir/schema.js';
import { CLUSTER_DEFAULTS, TIER_FACTS } from '../catalogue/index.js';
import { computeOf } from './compute-of.js';
import { readGateRule } from './gate-rule.js';
import { topoOrder } from '../ir/dag.js';
import type { ResolvedEpoch, ResolvedSpec } from './resolve-model.js';

/** Tier of an epoch that names none. */
export const DEFAULT_TIER = 'small';
/** Estimate of a user epoch that gives none: one hour, 4GB. */
const DEFAULT_ESTIMATE = { minutes: 60, memoryGb: 4 };

/** Source text of a gate value, for rendered rule messages (`50MB`, `0.70`, `true`). */
function renderValue(e: Expr | null): string {
  if (!e) return 'true';
  if (e.kind === 'Quantity' || e.kind === 'Number') return e.raw;
  if (e.kind === 'Unary' && e.operand.kind === 'Number') return `-${e.operand.raw}`;
  if (e.kind === 'Name') return e.text;
  return '?';
}

function lowerGate(spec: ResolvedSpec, e: ResolvedEpoch): GateRule[] {
  const out: GateRule[] = [];
  for (const { rule, origin } of e.gate) {
    const r = readGateRule(rule.expr);
    if ('error' in r) continue;
    const unit = spec.facts.get(r.fact.text)?.fact.unit.value ?? 'number';
    const message = rule.message?.value ?? `${r.fact.text} ${r.op} ${renderValue(r.valueExpr)}`;
    out.push({ id: `${e.id}:${out.length + 1}`, fact: r.fact.text, op: r.op, value: r.value, unit, message, origin });
  }
  // The deploy block's latency target is a handoff rule of the epoch that measures the API.
  const api = spec.project.deploy?.api;
  const lat = api?.latency;
  if (lat && e.produces.some((f) => f.name.value === 'api.latency_p95')) {
    const ms = Number((lat.value * 1000).toPrecision(12));
    out.push({ id: `${e.id}:${out.length + 1}`, fact: 'api.latency_p95', op: '<', value: lat.value, unit: 'duration',
      message: `API p95 latency must stay under ${ms}ms`, origin: 'spec' });
  }
  return out;
}

/** Worker memory when a cluster gives none and its tier has no known size. */
const FALLBACK_WORKER_MEMORY = 4 * 1024 ** 3;

/** The cluster of an epoch with defaults applied, or undefined (single machine, or `compute local`). */
function lowerCompute(spec: ResolvedSpec, e: ResolvedEpoch): Compute | undefined {
  const c = computeOf(spec, e);
  if (!c || c.kind !== 'cluster' || !c.engine) return undefined;
  const workerTier = c.workerTier?.value ?? CLUSTER_DEFAULTS.workerTier;
  const tier = Object.hasOwn(TIER_FACTS, workerTier) ? TIER_FACTS[workerTier] : undefined;
  const memory = c.workerMemory?.value
    ?? (tier ? Math.floor(tier.memoryBytes * CLUSTER_DEFAULTS.workerMemoryShare) : FALLBACK_WORKER_MEMORY);
  return { engine: c.engine.value as Compute['engine'], workers: c.workers?.value ?? CLUSTER_DEFAULTS.workers, workerTier,
    workerMemoryBytes: memory };
}

function lowerEpoch(spec: ResolvedSpec, e: ResolvedEpoch): Epoch {
  const b = e.base;
  const o = e.override;
  const project = spec.project.name.value;
  const name = b.name?.value ?? `epoch_${e.id}`;
  return {
    id: e.id,
    name,
    title: o?.title?.value ?? b.title?.value ?? name.split('_').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' '),
    dir: b.dir?.value ?? `epoch${e.id}-${name.replace(/_/g, '-')}`,
    agent: b.agent?.value ?? 'Custom-Agent',
    experiment: (b.experiment?.value ?? '{project}_model').replaceAll('{project}', project),
    after: [...new Set(e.after.map((a) => a.value))].sort(),
    tier: e.tier?.value ?? DEFAULT_TIER,
    estimate: o?.estimate ? { minutes: o.estimate.minutes, memoryGb: o.estimate.memoryGb }
      : b.estimate ? { minutes: b.estimate.minutes, memoryGb: b.estimate.memoryGb } : { ...DEFAULT_ESTIMATE },
    deliverables: [...b.deliverables, ...(o?.deliverables ?? [])].map((d) => d.value),
    produces: e.produces.map((f) => ({ name: f.name.value, unit: f.unit.value, description: f.description })),
    gate: lowerGate(spec, e),
    review: spec.reviews.has(e.id) ? { title: spec.reviews.get(e.id)?.title.value ?? '' } : null,
    custom: e.custom,
    timeoutSeconds: (o?.timeoutSeconds ?? b.timeoutSeconds)?.value ?? null,
    retries: (o?.retries ?? b.retries)?.value ?? 0,
    ...withCompute(lowerCompute(spec, e)),
  };
}

/** `{ compute }` only when set: single-machine epochs keep the IR they always had. */
const withCompute = (c: Compute | undefined): { compute?: Compute } => (c ? { compute: c } : {});

/** All epochs of the spec, lowered, in topological order (ties by id; ir/dag.ts). Requires an acyclic spec. */
export function lowerEpochs(spec: ResolvedSpec): Epoch[] {
  const epochs = spec.epochs.map((e) => lowerEpoch(spec, e));
  const byId = new Map(epochs.map((e) => [e.id, e]));
  // topoOrder throws on a cycle: PC7001 stops the compile before lowering, so that is an internal error.
  return topoOrder({ epochs }).map((id) => byId.get(id)!);
}
