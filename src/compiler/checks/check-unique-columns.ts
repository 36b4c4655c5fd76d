// Rule: column names are unique within the data block, and the target is not also a column.
import type { Check } from '../check-context.js';
import { relatedAt } from '../report.js';
import type { Located } from '../model.js';

/** PC2001: duplicate column (or a column named like the target). */
export const checkUniqueColumns: Check = {
  name: 'unique-columns',
  run({ spec, rep }) {
    const data = spec.project.data;
    if (!data) return;
    const first = new Map<string, Located<string>>();
    for (const c of data.columns) {
      const prev = first.get(c.name.value);
      if (prev) {
        rep.report('PC2001', c.name, `column "${c.name.value}" is defined twice`, 'rename or remove one of the columns',
          [relatedAt('first defined here', prev)]);
      } else {
        first.set(c.name.value, c.name);
      }
    }
    const t = data.target;
    const clash = t ? first.get(t.name.value) : undefined;
    if (t && clash) {
      rep.report('PC2001', t.name, `target "${t.name.value}" is also defined as a column`,
        'remove the column: the target statement defines the target column', [relatedAt('column defined here', clash)]);
    }
  },
};
