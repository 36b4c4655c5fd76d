// Rule: in synthetic data, numeric columns have a distribution and category columns a share map.
import type { Check } from '../check-context.js';

/** PC3011: a synthetic column that cannot be generated. */
export const checkColumnGenerators: Check = {
  name: 'column-generators',
  run({ spec, rep }) {
    const data = spec.project.data;
    for (const c of data?.columns ?? []) {
      const name = c.name.value;
      if (c.type.value === 'category') {
        if (c.distribution) rep.report('PC3011', c.distribution, `category column "${name}" cannot use a numeric distribution`, 'give it shares: `{ a: 50%, b: 50% }`');
        else if (!c.categories && data?.kind === 'synthetic') rep.report('PC3011', c.name, `category column "${name}" has no category shares`, 'add shares: `{ a: 50%, b: 50% }`');
      } else {
        if (c.categories) rep.report('PC3011', c.name, `${c.type.value} column "${name}" cannot have category shares`, 'declare it as `category`, or give it a distribution');
        else if (!c.distribution && data?.kind === 'synthetic' && c.type.value !== 'bool') {
          rep.report('PC3011', c.name, `${c.type.value} column "${name}" has no distribution`, 'add one, e.g. `uniform(0, 1)` or `normal(0, 1)`');
        }
      }
    }
  },
};
