// Rule: values written with `id` have the shape of Domino ids; a 24-hex "name" is an id written without `id`.
import type { Check } from '../check-context.js';
import { isDominoId } from './check-domino-environment-pin.js';

/** A Domino hardware tier id: lowercase letters and digits, joined by `-`, `_` or `.` (`small-k8s`). */
export const isHardwareTierId = (text: string): boolean => /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/.test(text);

/** PC8102 (a value given as an id is not one) and PC8103 (an environment id given as a name). */
export const checkDominoIds: Check = {
  name: 'domino-ids',
  run({ spec, rep }) {
    const domino = spec.project.domino;
    const env = domino?.environment;
    if (env && env.value.trim() !== '') {
      if (domino.environmentById && !isDominoId(env.value)) {
        rep.report('PC8102', env, `environment id "${env.value}" is not a Domino environment id (24 hex digits)`,
          `copy the id from the environment page in Domino, or write \`environment "${env.value}"\` to give a display name`);
      } else if (!domino.environmentById && isDominoId(env.value)) {
        rep.report('PC8103', env, `environment "${env.value}" is an environment id written as a display name`,
          `write \`environment id "${env.value}"\``);
      }
    }
    for (const [name, tier] of [...spec.tiers.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const value = tier.hardware.value;
      if (tier.byId && value.trim() !== '' && !isHardwareTierId(value)) {
        rep.report('PC8102', tier.hardware, `tier "${name}": "${value}" is not a Domino hardware tier id (like "small-k8s")`,
          `copy the id from Admin > Hardware tiers, or write \`tier ${name} "${value}"\` to give a display name`);
      }
    }
  },
};
