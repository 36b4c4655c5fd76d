// Rule: a derived feature gets a new name: not a column, not the target, not an earlier derive.
import type { Check } from '../check-context.js';
import type { Located } from '../model.js';
import { relatedAt } from '../report.js';

/** PC2009: derive name clashes. */
export const checkDeriveNames: Check = {
  name: 'derive-names',
  run({ spec, rep }) {
    const p = spec.project;
    const taken = new Map<string, { what: string; at: Located<string> }>();
    for (const c of p.data?.columns ?? []) if (!taken.has(c.name.value)) taken.set(c.name.value, { what: 'column', at: c.name });
    const t = p.data?.target;
    if (t && !taken.has(t.name.value)) taken.set(t.name.value, { what: 'target', at: t.name });
    for (const d of p.features?.derives ?? []) {
      const prev = taken.get(d.name.value);
      if (prev) {
        rep.report('PC2009', d.name, `derived feature "${d.name.value}" clashes with the ${prev.what} of the same name`,
          `give the derived feature a new name, e.g. \`${d.name.value}_derived\``, [relatedAt(`${prev.what} defined here`, prev.at)]);
      } else {
        taken.set(d.name.value, { what: 'derived feature', at: d.name });
      }
    }
  },
};
