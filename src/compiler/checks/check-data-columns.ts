// Rule: declared columns and the target exist in the data file's header (issue 12).
import type { Check } from '../check-context.js';
import { didYouMean } from '../report.js';

/** PC3103 declared column not in the file; PC3104 target not in the file. */
export const checkDataColumns: Check = {
  name: 'data-columns',
  run({ spec, rep, data }) {
    const d = spec.project.data;
    if (!d || d.kind !== 'file' || data?.status !== 'ok') return;
    const header = new Set(data.columns);
    for (const c of d.columns) {
      if (!header.has(c.name.value)) {
        rep.report('PC3103', c.name, `column "${c.name.value}" is not in data file "${data.specPath}"`,
          didYouMean(c.name.value, data.columns, 'columns of the file'));
      }
    }
    const target = d.target?.name ?? spec.project.target;
    if (target && !header.has(target.value)) {
      rep.report('PC3104', target, `target "${target.value}" is not a column of data file "${data.specPath}"`,
        didYouMean(target.value, data.columns, 'columns of the file'));
    }
  },
};
