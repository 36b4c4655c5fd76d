// Rule: every limit is positive.
import type { Check } from '../check-context.js';

/** PC6002: zero (or negative) limits. */
export const checkLimitsPositive: Check = {
  name: 'limits-positive',
  run({ spec, rep }) {
    const l = spec.project.limits;
    if (!l) return;
    for (const [name, v] of [['max_file_size', l.maxFileSize], ['max_memory', l.maxMemory]] as const) {
      if (v && !(v.value > 0)) rep.report('PC6002', v, `${name} must be positive`, 'use a positive size, e.g. `50MB`');
    }
  },
};
