// Rule: the primary metric is a standard metric of the project's problem kind.
import type { Check } from '../check-context.js';
import { didYouMean } from '../report.js';
import { STANDARD_METRICS } from '../standard.js';

/** PC4001 unknown metric; PC4002 metric of the other problem kind. */
export const checkMetric: Check = {
  name: 'metric',
  run({ spec, rep }) {
    const m = spec.project.metric;
    if (!m) return;
    const mine = STANDARD_METRICS[spec.problem];
    if (mine.includes(m.value)) return;
    const other = spec.problem === 'classification' ? 'regression' : 'classification';
    if (STANDARD_METRICS[other].includes(m.value)) {
      rep.report('PC4002', m, `metric "${m.value}" is a ${other} metric, but the problem is ${spec.problem}`,
        `use one of: ${mine.join(', ')}`);
    } else {
      rep.report('PC4001', m, `unknown metric "${m.value}"`, didYouMean(m.value, mine, `${spec.problem} metrics`));
    }
  },
};
