// Rule: synthetic columns can be generated: numbers from a distribution, categories from shares, bools from true/false shares (or 50/50).
import type { Check } from '../check-context.js';

/** PC3011: a column whose generator does not fit its type. */
export const checkColumnGenerators: Check = {
  name: 'column-generators',
  run({ spec, rep }) {
    const data = spec.project.data;
    const synthetic = data?.kind === 'synthetic';
    for (const c of data?.columns ?? []) {
      const name = c.name.value;
      const type = c.type.value;
      // Roles (id, ignore, datetime, text) describe file columns: check-data-roles reports them on synthetic data.
      if (type === 'id' || type === 'ignore' || type === 'datetime' || type === 'text') continue;
      if (type === 'category') {
        if (c.distribution) rep.report('PC3011', c.distribution, `category column "${name}" cannot use a numeric distribution`, 'give it shares: `{ a: 50%, b: 50% }`');
        else if (!c.categories && synthetic) rep.report('PC3011', c.name, `category column "${name}" has no category shares`, 'add shares: `{ a: 50%, b: 50% }`');
      } else if (type === 'bool') {
        // Without shares a bool column is true half of the time.
        if (c.distribution) rep.report('PC3011', c.distribution, `bool column "${name}" cannot use a numeric distribution`, 'drop it (50% true), or give shares: `{ true: 30%, false: 70% }`');
        const bad = (c.categories ?? []).find((s) => s.value !== 'true' && s.value !== 'false');
        if (bad) rep.report('PC3011', bad, `bool column "${name}" has a share for "${bad.value}"`, 'a bool column only takes `{ true: N%, false: M% }`');
      } else if (c.categories) {
        rep.report('PC3011', c.name, `${type} column "${name}" cannot have category shares`, 'declare it as `category`, or give it a distribution');
      } else if (!c.distribution && synthetic) {
        rep.report('PC3011', c.name, `${type} column "${name}" has no distribution`, 'add one, e.g. `uniform(0, 1)` or `normal(0, 1)`');
      }
    }
  },
};
