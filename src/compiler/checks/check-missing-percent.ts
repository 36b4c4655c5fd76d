// Rule: `missing N%` is a percentage within 0..100%.
import type { Check } from '../check-context.js';

/** PC3003 for `missing` outside 0..100%. */
export const checkMissingPercent: Check = {
  name: 'missing-percent',
  run({ spec, rep }) {
    for (const c of spec.project.data?.columns ?? []) {
      const m = c.missing;
      if (m && (m.value < 0 || m.value > 100)) {
        rep.report('PC3003', m, `column "${c.name.value}" has missing ${m.value}%, outside 0..100%`,
          'use a percentage between 0% and 100%, e.g. `missing 2%`');
      }
    }
  },
};
