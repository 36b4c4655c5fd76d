// Rule: `clip(lo, hi)` has lo < hi.
import type { Check } from '../check-context.js';

/** PC3006 on column clips. */
export const checkClipRange: Check = {
  name: 'clip-range',
  run({ spec, rep }) {
    for (const c of spec.project.data?.columns ?? []) {
      const clip = c.clip;
      if (clip && !(clip.low < clip.high)) {
        rep.report('PC3006', clip, `column "${c.name.value}" has clip(${clip.low}, ${clip.high}) with low >= high`,
          `write \`clip(${Math.min(clip.low, clip.high)}, ${Math.max(clip.low, clip.high)})\` with the lower bound first`);
      }
    }
  },
};
