// Rule: a spec uses a lifecycle library, or defines its epochs itself (warning).
import type { Check } from '../check-context.js';

/** PC7003 (warning): no `use lifecycle.*`. */
export const checkLifecycleUsed: Check = {
  name: 'lifecycle-used',
  run({ spec, rep }) {
    if (spec.library) return;
    rep.report('PC7003', spec.project.name, `project "${spec.project.name.value}" uses no lifecycle library`,
      'add `use lifecycle.domino_standard` unless you define every epoch yourself');
  },
};
