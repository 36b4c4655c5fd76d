// Rule: the Domino environment and every hardware tier a flow job would use have a non-blank name.
import type { Check } from '../check-context.js';

/** PC8001: blank environment or hardware tier name. */
export const checkDominoNames: Check = {
  name: 'domino-names',
  run({ spec, rep }) {
    const env = spec.project.domino?.environment;
    if (env && env.value.trim() === '') {
      rep.report('PC8001', env, 'the Domino environment name is empty',
        'write the environment id or name, e.g. `environment "Domino Standard Environment Py3.11"`');
    }
    // Tiers in key order, so diagnostics from the spec and the library come out in a stable order.
    for (const [name, tier] of [...spec.tiers.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (tier.hardware.value.trim() === '') {
        rep.report('PC8001', tier.hardware, `tier "${name}" maps to an empty Domino hardware tier`,
          `write the Domino hardware tier id or name, e.g. \`tier ${name} "Small"\``);
      }
    }
  },
};
