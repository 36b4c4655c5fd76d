// Rule: a spec marked for production gives the hardware tiers its epochs use by id, not by display name.
import type { Check } from '../check-context.js';

/** PC8101: production spec with a used hardware tier given by display name. */
export const checkDominoTierPin: Check = {
  name: 'domino-tier-pin',
  run({ spec, rep }) {
    const promote = spec.project.deploy?.promote;
    if (!promote || promote.alias.value !== 'production') return;
    // Tiers in key order (stable output); blank ones are PC8001's.
    for (const [name, tier] of [...spec.tiers.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (tier.byId || tier.hardware.value.trim() === '') continue;
      rep.report('PC8101', tier.hardware,
        `the spec is marked for production but tier "${name}" names hardware tier "${tier.hardware.value}" by display name: the flow resolves it when it is registered`,
        `write the hardware tier id: \`tier ${name} id "<tier id>"\` (e.g. "small-k8s", from Admin > Hardware tiers) in the domino block`);
    }
  },
};
