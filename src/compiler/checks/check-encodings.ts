// Rule: `encode` names a known category column, once.
import type { Check } from '../check-context.js';
import { didYouMean, relatedAt } from '../report.js';
import type { Loc } from '../model.js';

/** PC2002 unknown column, PC3007 non-category column, PC1005 column encoded twice. */
export const checkEncodings: Check = {
  name: 'encodings',
  run({ spec, rep }) {
    const p = spec.project;
    const columns = new Map((p.data?.columns ?? []).map((c) => [c.name.value, c]));
    const closed = p.data?.kind !== 'file' || columns.size > 0;
    const seen = new Map<string, Loc>();
    for (const e of p.features?.encodings ?? []) {
      const name = e.column.value;
      const prev = seen.get(name);
      if (prev) {
        rep.report('PC1005', e.column, `column "${name}" is encoded twice`, 'keep one `encode` statement per column', [relatedAt('first encoded here', prev)]);
        continue;
      }
      seen.set(name, e.column);
      const col = columns.get(name);
      if (!col) {
        if (closed) rep.report('PC2002', e.column, `\`encode\` uses unknown column "${name}"`, didYouMean(name, columns.keys(), 'columns'));
      } else if (col.type.value === 'text') {
        rep.report('PC3007', e.column, `column "${name}" is free text: it is vectorised (TF-IDF words), not encoded`,
          `remove \`encode ${name} ${e.method.value}\`, or declare \`column ${name} category\` if its values are a few labels`);
      } else if (col.type.value !== 'category') {
        rep.report('PC3007', e.column, `column "${name}" is ${col.type.value}, only category columns can be encoded`,
          `remove \`encode ${name} ${e.method.value}\`, or declare the column as category`);
      }
    }
  },
};
