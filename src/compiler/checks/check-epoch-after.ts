// Rule: `after` names existing epochs, other than the epoch itself.
import type { Check } from '../check-context.js';

/** PC2004: dependency on an unknown epoch (self-dependencies are cycles, see check-epoch-cycles). */
export const checkEpochAfter: Check = {
  name: 'epoch-after',
  run({ spec, rep }) {
    const ids = new Set(spec.epochs.map((e) => e.id));
    for (const e of spec.epochs) {
      for (const dep of e.after) {
        if (!ids.has(dep.value)) {
          rep.report('PC2004', dep, `epoch ${e.id} runs after epoch ${dep.value}, which does not exist`,
            `existing epochs: ${[...ids].sort().join(', ')}`);
        }
      }
    }
  },
};
