// Rule: every category feature column has an `encode` statement (most models need numbers).
import type { Check } from '../check-context.js';

/** PC3014 (warning): category column without encoding. */
export const checkUnencodedCategories: Check = {
  name: 'unencoded-categories',
  run({ spec, rep }) {
    const p = spec.project;
    const encoded = new Set((p.features?.encodings ?? []).map((e) => e.column.value));
    for (const c of p.data?.columns ?? []) {
      if (c.type.value === 'category' && !encoded.has(c.name.value)) {
        rep.report('PC3014', c.name, `category column "${c.name.value}" is not encoded`,
          `add \`encode ${c.name.value} onehot\` (or \`ordinal\`) to the features block`);
      }
    }
  },
};
