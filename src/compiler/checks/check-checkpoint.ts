// Rule: checkpoints happen every N% of the work (0 < N <= 100) or every positive duration.
import type { Check } from '../check-context.js';

/** PC6004: checkpoint interval nonsense. */
export const checkCheckpoint: Check = {
  name: 'checkpoint',
  run({ spec, rep }) {
    const l = spec.project.limits;
    const pct = l?.checkpointPercent;
    if (pct && !(pct.value > 0 && pct.value <= 100)) {
      rep.report('PC6004', pct, `checkpoint every ${pct.value}% is not a share of the work in (0, 100]`, 'use e.g. `checkpoint every 10% or 5m`');
    }
    const sec = l?.checkpointSeconds;
    if (sec && !(sec.value > 0)) {
      rep.report('PC6004', sec, 'checkpoint interval must be a positive duration', 'use e.g. `checkpoint every 10% or 5m`');
    }
  },
};
