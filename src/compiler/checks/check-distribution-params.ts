// Rule: distribution parameters can be sampled (uniform low<high, positive spread, beta a,b>0).
import type { Check } from '../check-context.js';
import type { DistributionDecl } from '../model.js';

/** Why `d` cannot be sampled, or null. */
function problem(d: DistributionDecl): string | null {
  const [a, b] = d.params;
  switch (d.kind) {
    case 'uniform': return a < b ? null : `uniform needs low < high, found uniform(${a}, ${b})`;
    case 'normal': return b > 0 ? null : `normal needs a positive standard deviation, found ${b}`;
    case 'lognormal': return b > 0 ? null : `lognormal needs a positive sigma, found ${b}`;
    case 'beta': return a > 0 && b > 0 ? null : `beta needs positive a and b, found beta(${a}, ${b})`;
  }
}

/** PC3005 on column distributions and target noise. */
export const checkDistributionParams: Check = {
  name: 'distribution-params',
  run({ spec, rep }) {
    const data = spec.project.data;
    const sites: [string, DistributionDecl | null][] = (data?.columns ?? []).map((c) => [`column "${c.name.value}"`, c.distribution]);
    const g = data?.target?.generator;
    if (g?.kind === 'linear') sites.push([`noise of target "${data?.target?.name.value}"`, g.noise]);
    for (const [what, d] of sites) {
      const why = d ? problem(d) : null;
      if (d && why) rep.report('PC3005', d, `${what}: ${why}`, 'fix the parameters so the distribution can be sampled');
    }
  },
};
