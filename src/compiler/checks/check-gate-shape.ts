// Rule: a gate rule is `fact op value` (or a bare fact), and bool facts only use == / !=.
import type { Check } from '../check-context.js';
import { readGateRule } from '../gate-rule.js';

/** PC5004: malformed gate rule. */
export const checkGateShape: Check = {
  name: 'gate-shape',
  run({ spec, rep }) {
    for (const e of spec.epochs) {
      for (const { rule } of e.gate) {
        const r = readGateRule(rule.expr);
        if ('error' in r) {
          rep.report('PC5004', rule, `epoch ${e.id}: ${r.error}`, 'write e.g. `require metric.f1_score >= 0.7`');
          continue;
        }
        const unit = spec.facts.get(r.fact.text)?.fact.unit.value;
        if ((unit === 'bool' || r.valueUnit === 'bool') && r.op !== '==' && r.op !== '!=') {
          rep.report('PC5004', rule, `epoch ${e.id}: \`${r.fact.text}\` is true/false and can only be compared with == or !=`,
            `write \`require ${r.fact.text} == true\``);
        }
      }
    }
  },
};
