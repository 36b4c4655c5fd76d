// Rule: the domino block maps each logical tier once.
import type { Check } from '../check-context.js';
import type { TierDecl } from '../model.js';
import { relatedAt } from '../report.js';

/** PC2017: a tier mapped twice in the spec's domino block. */
export const checkUniqueTiers: Check = {
  name: 'unique-tiers',
  run({ spec, rep }) {
    const seen = new Map<string, TierDecl>();
    for (const t of spec.project.domino?.tiers ?? []) {
      const prev = seen.get(t.name.value);
      if (prev) {
        rep.report('PC2017', t.name, `tier "${t.name.value}" is mapped twice`, 'keep one `tier` line per name',
          [relatedAt('first mapped here', prev.name)]);
      } else {
        seen.set(t.name.value, t);
      }
    }
  },
};
