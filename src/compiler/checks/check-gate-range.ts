// Rule: a gate's value lies within the range its fact can take, so the gate can pass (issue 12).
import { METRICS } from '../../catalogue/index.js';
import type { Check } from '../check-context.js';
import { readGateRule, type GateOp } from '../gate-rule.js';

/** A standard metric's range from the catalogue, with its phrase; null for other names. */
function metricRange(metric: string): { lo: number; hi: number; says: string } | null {
  if (!Object.hasOwn(METRICS, metric)) return null;
  const [lo, hi] = METRICS[metric as keyof typeof METRICS].range;
  if (lo !== null && hi !== null) return { lo, hi, says: `${metric} lies in [${lo}, ${hi}]` };
  if (hi !== null) return { lo: -Infinity, hi, says: `${metric} is at most ${hi}` };
  if (lo !== null) return { lo, hi: Infinity, says: `${metric} is at least ${lo}` };
  return null;
}

/** The values a fact can take, with a phrase for messages; null when unknown. */
export function factRange(fact: string, unit: string | undefined): { lo: number; hi: number; says: string } | null {
  const metric = fact.startsWith('metric.') ? fact.slice('metric.'.length) : null;
  const range = metric ? metricRange(metric) : null;
  if (range) return range;
  if (unit === 'count' || unit === 'size' || unit === 'duration') return { lo: 0, hi: Infinity, says: `a ${unit} is at least 0` };
  return null;
}

/** Whether `fact op value` can hold for some fact value in [lo, hi]. */
function reachable(op: GateOp, value: number, lo: number, hi: number): boolean {
  switch (op) {
    case '>=': return value <= hi;
    case '>': return value < hi;
    case '<=': return value >= lo;
    case '<': return value > lo;
    case '==': return value >= lo && value <= hi;
    case '!=': return true;
  }
}

/** PC5101: a gate no run can pass (`require metric.f1_score >= 1.5`). Percentages are PC3003's. */
export const checkGateRange: Check = {
  name: 'gate-range',
  run({ spec, rep }) {
    for (const e of spec.epochs) {
      for (const { rule } of e.gate) {
        const r = readGateRule(rule.expr);
        if ('error' in r || typeof r.value !== 'number' || r.valueUnit === 'percent') continue;
        const range = factRange(r.fact.text, spec.facts.get(r.fact.text)?.fact.unit.value);
        if (!range || reachable(r.op, r.value, range.lo, range.hi)) continue;
        rep.reportRange('PC5101', rule.file, r.valueExpr?.range ?? rule.range,
          `gate of epoch ${e.id} can never pass: \`${r.fact.text} ${r.op} ${r.value}\`, but ${range.says}`,
          `use a value inside the fact's range${range.hi === 1 ? ', e.g. `>= 0.80`' : ''}`);
      }
    }
  },
};
