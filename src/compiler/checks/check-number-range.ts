// Rule: whole-number settings fit the range their field can hold (issue 12).
import type { Check } from '../check-context.js';
import type { Located } from '../model.js';

/** numpy, scikit-learn and the runtime take seeds as unsigned 32-bit integers. */
const MAX_SEED = 2 ** 32 - 1;

/** PC1101: a number no field can hold (`rows 1e300`, `seed 99999999999`): found here, not as a crash in compile or the run. */
export const checkNumberRange: Check = {
  name: 'number-range',
  run({ spec, rep }) {
    const p = spec.project;
    const fields: [string, Located<number> | null | undefined, number][] = [
      ['rows', p.data?.rows, Number.MAX_SAFE_INTEGER],
      ['seed', p.data?.seed, MAX_SEED],
      ['split seed', p.features?.split?.seed, MAX_SEED],
      ['tune budget', p.models?.tune?.trials, Number.MAX_SAFE_INTEGER],
      ['cv folds', p.models?.tune?.folds, Number.MAX_SAFE_INTEGER],
      ['chunk_rows', p.limits?.chunkRows, Number.MAX_SAFE_INTEGER],
      ...p.epochs.flatMap((e): [string, Located<number> | null, number][] => [
        [`epoch ${e.id} timeout`, e.timeoutSeconds, Number.MAX_SAFE_INTEGER],
        [`epoch ${e.id} retries`, e.retries, Number.MAX_SAFE_INTEGER],
      ]),
    ];
    for (const [name, v, max] of fields) {
      if (v && !(Math.abs(v.value) <= max)) {
        rep.report('PC1101', v, `${name} ${v.value} is out of range: the largest value it can hold is ${max}`,
          `use a whole number up to ${max}`);
      }
    }
  },
};
