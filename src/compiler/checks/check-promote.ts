// Rule: `promote` needs an `api` to serve the promoted model, and `after review` needs a review.
import type { Check } from '../check-context.js';

/** PC7002: promote without api / without any review. */
export const checkPromote: Check = {
  name: 'promote',
  run({ spec, rep }) {
    const d = spec.project.deploy;
    const p = d?.promote;
    if (!d || !p) return;
    if (!d.api) {
      rep.report('PC7002', p.alias, `\`promote ${p.alias.value}\` has no \`api\` to serve the promoted model`,
        'add `api "/predict" latency_p95 < 100ms` to the deploy block');
    }
    if (p.afterReview && spec.reviews.size === 0) {
      rep.report('PC7002', p.alias, `\`promote ${p.alias.value} after review\` but the project has no review`,
        'add `review after 006 "Model validation"`, or drop `after review`');
    }
  },
};
