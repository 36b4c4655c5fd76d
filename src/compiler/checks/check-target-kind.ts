// Rule: classification has a binary or category target; regression a float target.
import type { Check } from '../check-context.js';

/** PC3010: target kind vs problem kind. */
export const checkTargetKind: Check = {
  name: 'target-kind',
  run({ spec, rep }) {
    const t = spec.project.data?.target;
    if (!t) return;
    const ok = spec.problem === 'regression' ? t.kind.value === 'float' : t.kind.value !== 'float';
    if (!ok) {
      rep.report('PC3010', t.kind, `a ${spec.problem} project cannot have a ${t.kind.value} target "${t.name.value}"`,
        spec.problem === 'regression' ? 'use a `float` target, or `problem classification`' : 'use a `binary` or `category` target, or `problem regression`');
    }
  },
};
