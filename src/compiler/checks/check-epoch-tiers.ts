// Rule: every epoch runs on a defined logical tier.
import type { Check } from '../check-context.js';
import { didYouMean } from '../report.js';

/** PC2007: unknown tier. */
export const checkEpochTiers: Check = {
  name: 'epoch-tiers',
  run({ spec, rep }) {
    for (const e of spec.epochs) {
      const t = e.tier;
      if (t && !spec.tiers.has(t.value)) {
        rep.report('PC2007', t, `epoch ${e.id} runs on unknown tier "${t.value}"`,
          `${didYouMean(t.value, spec.tiers.keys(), 'tiers')} (or add \`tier ${t.value} "Domino tier name"\` to the domino block)`);
      }
    }
  },
};
