// Rule: file and memory limits stay within the platform ceilings (50MB files, 12GB RAM).
import type { Check } from '../check-context.js';
import { PLATFORM } from '../standard.js';
import { formatValue } from '../units.js';

/** PC6001: limit above the platform ceiling. */
export const checkLimitsCeiling: Check = {
  name: 'limits-ceiling',
  run({ spec, rep }) {
    const l = spec.project.limits;
    if (!l) return;
    const pairs = [['max_file_size', l.maxFileSize, PLATFORM.maxFileSizeBytes], ['max_memory', l.maxMemory, PLATFORM.maxMemoryBytes]] as const;
    for (const [name, v, ceiling] of pairs) {
      if (v && v.value > ceiling) {
        rep.report('PC6001', v, `${name} ${formatValue(v.value, 'size')} is above the platform ceiling of ${formatValue(ceiling, 'size')}`,
          `use ${formatValue(ceiling, 'size')} or less`);
      }
    }
  },
};
