// Rule: the target's values in the data file fit the problem and target kind (issue 12).
import type { Check } from '../check-context.js';
import { profileSample } from '../data-sample.js';

/** PC3107: one class, a "binary" target with other than two values, or a non-numeric regression target. */
export const checkDataTarget: Check = {
  name: 'data-target',
  run({ spec, rep, data }) {
    const d = spec.project.data;
    const target = d?.target?.name ?? spec.project.target;
    if (!d || d.kind !== 'file' || !target || data?.status !== 'ok') return;
    const p = profileSample(data).find((x) => x.name === target.value);
    if (!p || p.present === 0) return;
    const kind = d.target?.kind.value ?? (spec.problem === 'regression' ? 'float' : null);
    const shown = p.topValues.slice(0, 3).map((v) => `"${v}"`).join(', ');
    const sampled = data.complete ? 'the file' : 'the sampled rows';
    if (spec.problem === 'classification' && p.distinct < 2) {
      rep.report('PC3107', target, `target "${target.value}" has one class in ${sampled} (${shown}); a classifier needs at least two`,
        'check the file (a filter gone wrong?), or choose another target');
    } else if (kind === 'binary' && p.distinct > 2) {
      rep.report('PC3107', d.target?.kind ?? target, `binary target "${target.value}" has ${p.distinct} values in ${sampled} (${shown}, ...)`,
        `declare it \`target ${target.value} category\` for more than two classes`);
    } else if (spec.problem === 'regression' && p.type !== 'int' && p.type !== 'float') {
      rep.report('PC3107', target, `regression target "${target.value}" is not numeric in ${sampled} (${shown})`,
        'use `problem classification` for labels, or a numeric target column');
    }
  },
};
