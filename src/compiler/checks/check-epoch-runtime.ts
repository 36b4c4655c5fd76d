// Rule: epoch timeouts are positive and retries a whole number in 0..10.
import type { Check } from '../check-context.js';

/** PC7004 on `timeout` / `retries`. */
export const checkEpochRuntime: Check = {
  name: 'epoch-runtime',
  run({ spec, rep }) {
    for (const e of [...(spec.library?.epochs ?? []), ...spec.project.epochs]) {
      const t = e.timeoutSeconds;
      if (t && !(t.value > 0)) rep.report('PC7004', t, `epoch ${e.id.value} has a timeout of ${t.value}s`, 'use a positive duration, e.g. `timeout 2h`');
      const r = e.retries;
      if (r && !(Number.isInteger(r.value) && r.value >= 0 && r.value <= 10)) {
        rep.report('PC7004', r, `epoch ${e.id.value} has ${r.value} retries`, 'use a whole number from 0 to 10');
      }
    }
  },
};
