// Rule: a regression project does not gate on calibration facts: they exist only for class probabilities.
import type { Check } from '../check-context.js';
import { readGateRule } from '../gate-rule.js';

/** Facts that only a classifier's predicted probabilities produce (epoch 006 records none for regression). */
const PROBABILITY_FACTS = /^calibration\./;

/** PC5201 a regression gate on `calibration.*`: it could never be evaluated, so the run would fail at 006. */
export const checkRegressionCalibration: Check = {
  name: 'regression-calibration',
  run({ spec, rep }) {
    if (spec.problem !== 'regression') return;
    for (const e of spec.epochs) {
      for (const { rule } of e.gate) {
        const r = readGateRule(rule.expr);
        if ('error' in r || !PROBABILITY_FACTS.test(r.fact.text)) continue;
        rep.reportRange('PC5201', rule.file, r.fact.range,
          `"${r.fact.text}" measures predicted class probabilities, which a regression model does not produce (epoch ${e.id})`,
          'gate the regression error instead, e.g. `require metric.rmse <= 25000` or `require robustness.stability >= 95%`');
      }
    }
  },
};
