// Rule: the project's `target` is the target the data block defines.
import type { Check } from '../check-context.js';
import { relatedAt } from '../report.js';

/** PC2014: project target not defined by the data block. */
export const checkTargetPresent: Check = {
  name: 'target-present',
  run({ spec, rep }) {
    const p = spec.project;
    const want = p.target;
    const data = p.data;
    if (!want || !data) return;
    const t = data.target;
    if (!t) {
      // File data may carry its label column without declaring it; synthetic data must generate it.
      if (data.kind === 'synthetic') {
        rep.report('PC2014', want, `target "${want.value}" is not defined in the data block`,
          `add \`target ${want.value} binary logistic(...)\` (or float/category) to the data block`);
      }
      return;
    }
    if (t.name.value !== want.value) {
      const hint = data.columns.some((c) => c.name.value === want.value)
        ? `"${want.value}" is declared as a column; declare it with the data block's \`target\` statement instead`
        : `write \`target ${t.name.value}\` here, or rename the data block's target to "${want.value}"`;
      rep.report('PC2014', want, `target "${want.value}" is not the data block's target "${t.name.value}"`, hint,
        [relatedAt('the data block defines this target', t.name)]);
    }
  },
};
