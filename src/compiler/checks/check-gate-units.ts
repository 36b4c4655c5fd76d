// Rule: a gate compares a fact with a value of the fact's unit (no `data.size >= 5%`).
import type { Check } from '../check-context.js';
import { readGateRule, unitsCompatible } from '../gate-rule.js';
import { relatedAt } from '../report.js';

const EXAMPLE: Record<string, string> = {
  count: 'a whole number like `10`', number: 'a number like `0.7`', size: 'a size like `50MB`',
  duration: 'a duration like `100ms`', percent: 'a percentage like `95%`', bool: '`true` or `false`',
};

/** How a unit reads in a sentence. */
const UNIT_WORD: Record<string, string> = { count: 'count', number: 'number', size: 'size', duration: 'duration', percent: 'percentage', bool: 'true/false value' };

/** PC5002: unit mismatch between a fact and the value it is compared with. */
export const checkGateUnits: Check = {
  name: 'gate-units',
  run({ spec, rep }) {
    for (const e of spec.epochs) {
      for (const { rule } of e.gate) {
        const r = readGateRule(rule.expr);
        if ('error' in r) continue;
        const owner = spec.facts.get(r.fact.text);
        const unit = owner?.fact.unit.value;
        if (!owner || !unit || unitsCompatible(unit, r.valueUnit)) continue;
        const written = { number: 'a plain number', bool: 'true/false', percent: 'a percentage', size: 'a size', duration: 'a duration' }[r.valueUnit];
        rep.reportRange('PC5002', rule.file, r.valueExpr?.range ?? r.fact.range,
          `fact "${r.fact.text}" is a ${UNIT_WORD[unit] ?? unit}, but it is compared with ${written}`, `compare it with ${EXAMPLE[unit] ?? 'a value of its unit'}`,
          [relatedAt(`"${r.fact.text}" is declared as a ${UNIT_WORD[unit] ?? unit} here`, owner.fact.name)]);
      }
    }
  },
};
