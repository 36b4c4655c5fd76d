/**
 * Merging the library into the spec: a spec epoch whose number is in the library overrides it
 * (its `after` adds dependencies, its gate adds rules, its tier/timeout/retries replace); any other
 * spec epoch is new. Nothing is reported here: checks read the result and report.
 */
import type { EpochDecl, FactDecl, LifecycleDecl, ProjectDecl, ReviewDecl, TierDecl } from './model.js';
import type { FactOwner, ResolvedEpoch, ResolvedSpec } from './resolve-model.js';
import { STANDARD_METRICS } from './standard.js';

/** Merge `library` (may be null: no `use`) into `project`. */
export function resolveSpec(project: ProjectDecl, library: LifecycleDecl | null): ResolvedSpec {
  const problem = project.problem?.value ?? 'classification';
  const libEpochs = new Map((library?.epochs ?? []).map((e) => [e.id.value, e]));
  const epochs = new Map<string, ResolvedEpoch>();
  for (const e of library?.epochs ?? []) {
    if (!epochs.has(e.id.value)) epochs.set(e.id.value, fromDecl(e, null, false, problem));
  }
  const seenUser = new Set<string>();
  for (const e of project.epochs) {
    const id = e.id.value;
    if (seenUser.has(id)) continue;
    seenUser.add(id);
    const lib = libEpochs.get(id);
    epochs.set(id, lib ? fromDecl(lib, e, false, problem) : fromDecl(e, null, true, problem));
  }
  const tiers = new Map<string, TierDecl>();
  for (const t of [...(library?.tiers ?? []), ...(project.domino?.tiers ?? [])]) tiers.set(t.name.value, t);
  const reviews = new Map<string, ReviewDecl>();
  for (const r of library?.reviews ?? []) reviews.set(r.after.value, r);
  const userReviews = new Set<string>();
  for (const r of project.reviews) {
    if (userReviews.has(r.after.value)) continue;
    userReviews.add(r.after.value);
    reviews.set(r.after.value, r);
  }
  const sorted = [...epochs.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const facts = new Map<string, FactOwner>();
  for (const e of sorted) {
    for (const f of e.produces) if (!facts.has(f.name.value)) facts.set(f.name.value, { fact: f, epoch: e.id });
  }
  return { project, library, problem, epochs: sorted, tiers, facts, reviews };
}

function fromDecl(base: EpochDecl, override: EpochDecl | null, custom: boolean, problem: 'classification' | 'regression'): ResolvedEpoch {
  const decls = override ? [base, override] : [base];
  return {
    id: base.id.value,
    base,
    override,
    custom,
    after: decls.flatMap((d) => d.after),
    tier: override?.tier ?? base.tier,
    produces: decls.flatMap((d) => [...d.produces, ...metricFacts(d, problem)]),
    gate: [
      ...base.gate.map((rule) => ({ rule, origin: custom ? ('spec' as const) : ('stdlib' as const) })),
      ...(override?.gate ?? []).map((rule) => ({ rule, origin: 'spec' as const })),
    ],
  };
}

/** `metric_facts "..."` → one `metric.<m>` fact (unit number) per standard metric of the problem. */
function metricFacts(e: EpochDecl, problem: 'classification' | 'regression'): FactDecl[] {
  const m = e.metricFacts;
  if (!m) return [];
  return STANDARD_METRICS[problem].map((name) => ({
    name: { value: `metric.${name}`, range: m.range, file: m.file },
    unit: { value: 'number' as const, range: m.range, file: m.file },
    description: `Test-set ${name}`,
    range: m.range,
    file: m.file,
  }));
}
