// Rule: a tier the spec defines is used by some epoch (info: it may be meant for later).
import type { Check } from '../check-context.js';
import { DEFAULT_TIER } from '../lower-epochs.js';
import { computeStatements } from '../compute-of.js';

/** PC6006 (info): unused tier of the spec's domino block. */
export const checkUnusedTiers: Check = {
  name: 'unused-tiers',
  run({ spec, rep }) {
    const used = new Set(spec.epochs.map((e) => e.tier?.value ?? DEFAULT_TIER));
    // A cluster's workers use their tier too.
    for (const c of computeStatements(spec)) if (c.workerTier) used.add(c.workerTier.value);
    const libTiers = new Set((spec.library?.tiers ?? []).map((t) => t.name.value));
    for (const t of spec.project.domino?.tiers ?? []) {
      // Remapping a library tier is not "unused": the library decides which epochs run on it.
      if (!used.has(t.name.value) && !libTiers.has(t.name.value)) {
        rep.report('PC6006', t.name, `tier "${t.name.value}" is not used by any epoch`,
          `remove it, or run an epoch on it with \`tier ${t.name.value}\``);
      }
    }
  },
};
