// Rule: the test split is strictly between 0% and 100%, and only classification stratifies.
import type { Check } from '../check-context.js';

/** PC3009 invalid test share; PC3008 stratify in regression. */
export const checkSplit: Check = {
  name: 'split',
  run({ spec, rep }) {
    const split = spec.project.features?.split;
    if (!split) return;
    const pct = split.testPercent;
    if (!(pct.value > 0 && pct.value < 100)) {
      rep.report('PC3009', pct, `test split ${pct.value}% must be strictly between 0% and 100%`, 'use e.g. `split test 20%`');
    }
    if (split.stratify && spec.problem === 'regression') {
      rep.report('PC3008', split.stratify, 'a regression split cannot be stratified', 'remove `stratify` (it needs class labels)');
    }
    const seed = split.seed;
    if (seed && (!Number.isInteger(seed.value) || seed.value < 0)) {
      rep.report('PC3004', seed, `seed must be a non-negative whole number, found ${seed.value}`, 'use e.g. `seed 42`');
    }
  },
};
