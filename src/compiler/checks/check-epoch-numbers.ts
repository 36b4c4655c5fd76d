// Rule: each epoch number appears once in the spec, and a new (non-stdlib) epoch has a name.
import type { Check } from '../check-context.js';
import type { EpochDecl } from '../model.js';
import { relatedAt } from '../report.js';

/** PC2003 duplicate epoch number; PC2015 new epoch without a name. */
export const checkEpochNumbers: Check = {
  name: 'epoch-numbers',
  run({ spec, rep }) {
    const lib = new Set((spec.library?.epochs ?? []).map((e) => e.id.value));
    const seen = new Map<string, EpochDecl>();
    for (const e of spec.project.epochs) {
      const id = e.id.value;
      const prev = seen.get(id);
      if (prev) {
        rep.report('PC2003', e.id, `epoch ${id} is defined twice`, 'merge the two blocks or give one of them a free number',
          [relatedAt('first defined here', prev.id)]);
        continue;
      }
      seen.set(id, e);
      if (!lib.has(id) && !e.name) {
        rep.report('PC2015', e.id, `epoch ${id} is not a lifecycle epoch, so it needs a name`,
          `name it: \`epoch ${id} my_step { ... }\``);
      }
    }
  },
};
