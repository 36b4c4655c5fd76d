// Rule: a gate value written as a percentage lies within 0..100%.
import type { Check } from '../check-context.js';
import { readGateRule } from '../gate-rule.js';

/** PC3003 on gate values like `robustness.stability >= 150%`. */
export const checkGatePercent: Check = {
  name: 'gate-percent',
  run({ spec, rep }) {
    for (const e of spec.epochs) {
      for (const { rule } of e.gate) {
        const r = readGateRule(rule.expr);
        if ('error' in r || r.valueUnit !== 'percent' || typeof r.value !== 'number') continue;
        if (r.value < 0 || r.value > 100) {
          rep.reportRange('PC3003', rule.file, r.valueExpr?.range ?? rule.range,
            `gate of epoch ${e.id} compares "${r.fact.text}" with ${r.value}%, outside 0..100%`, 'use a percentage between 0% and 100%');
        }
      }
    }
  },
};
