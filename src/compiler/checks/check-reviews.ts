// Rule: reviews follow existing epochs, one review per epoch in the spec.
import type { Check } from '../check-context.js';
import type { ReviewDecl } from '../model.js';
import { relatedAt } from '../report.js';

/** PC2005 review after unknown epoch; PC7005 two reviews after one epoch. */
export const checkReviews: Check = {
  name: 'reviews',
  run({ spec, rep }) {
    const ids = new Set(spec.epochs.map((e) => e.id));
    const seen = new Map<string, ReviewDecl>();
    for (const r of spec.project.reviews) {
      const id = r.after.value;
      if (!ids.has(id)) rep.report('PC2005', r.after, `review "${r.title.value}" follows epoch ${id}, which does not exist`, `existing epochs: ${[...ids].sort().join(', ')}`);
      const prev = seen.get(id);
      if (prev) rep.report('PC7005', r.after, `epoch ${id} has two reviews`, 'keep one review per epoch', [relatedAt('first review here', prev.after)]);
      else seen.set(id, r);
    }
  },
};
