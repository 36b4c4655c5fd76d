// Rule: a gate uses a fact produced by its own epoch or by an epoch upstream of it.
import type { Check } from '../check-context.js';
import { readGateRule } from '../gate-rule.js';
import { didYouMean, relatedAt } from '../report.js';
import type { ResolvedSpec } from '../resolve-model.js';
import { STANDARD_METRICS } from '../standard.js';

/** The ids of `id` and every epoch it (transitively) runs after. Cycle-safe. */
export function upstreamOf(spec: ResolvedSpec, id: string): Set<string> {
  const byId = new Map(spec.epochs.map((e) => [e.id, e]));
  const out = new Set<string>();
  const todo = [id];
  while (todo.length > 0) {
    const cur = todo.pop() as string;
    if (out.has(cur)) continue;
    out.add(cur);
    for (const d of byId.get(cur)?.after ?? []) todo.push(d.value);
  }
  return out;
}

/** PC5001 unknown fact; PC5003 fact produced by an epoch that is not upstream. */
export const checkGateFacts: Check = {
  name: 'gate-facts',
  run({ spec, rep }) {
    for (const e of spec.epochs) {
      const upstream = upstreamOf(spec, e.id);
      for (const { rule } of e.gate) {
        const r = readGateRule(rule.expr);
        if ('error' in r) continue;
        const owner = spec.facts.get(r.fact.text);
        if (!owner) {
          const other = spec.problem === 'classification' ? 'regression' : 'classification';
          const metric = r.fact.text.startsWith('metric.') ? r.fact.text.slice('metric.'.length) : null;
          const hint = metric !== null && STANDARD_METRICS[other].includes(metric)
            ? `\`${metric}\` is a ${other} metric; this ${spec.problem} project records ${STANDARD_METRICS[spec.problem].map((m) => `metric.${m}`).join(', ')}`
            : didYouMean(r.fact.text, spec.facts.keys(), 'facts');
          rep.reportRange('PC5001', rule.file, r.fact.range, `unknown fact "${r.fact.text}" in the gate of epoch ${e.id}`, hint);
        } else if (!upstream.has(owner.epoch)) {
          rep.reportRange('PC5003', rule.file, r.fact.range,
            `fact "${r.fact.text}" is produced by epoch ${owner.epoch}, which does not run before epoch ${e.id}`,
            `move this rule to epoch ${owner.epoch} or a later one, or add \`after ${owner.epoch}\` to epoch ${e.id}`,
            [relatedAt('produced here', owner.fact.name)]);
        }
      }
    }
  },
};
