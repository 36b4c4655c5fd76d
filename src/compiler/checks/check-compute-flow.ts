// Rule: the Domino flow can attach an epoch's cluster only when environment and tiers are given by id.
import type { Check } from '../check-context.js';
import { computeOf } from '../compute-of.js';
import { DEFAULT_TIER } from '../lower-epochs.js';
import { CLUSTER_DEFAULTS } from '../../catalogue/index.js';

/** PC8401 (warning): a cluster epoch whose environment, tier or worker tier is not an id. */
export const checkComputeFlow: Check = {
  name: 'compute-flow',
  run({ spec, rep }) {
    const envById = spec.project.domino?.environment !== null && spec.project.domino?.environment !== undefined
      && spec.project.domino.environmentById;
    for (const e of spec.epochs) {
      const c = computeOf(spec, e);
      if (!c || c.kind !== 'cluster') continue;
      const tiers = [e.tier?.value ?? DEFAULT_TIER, c.workerTier?.value ?? CLUSTER_DEFAULTS.workerTier];
      const byName = [...new Set(tiers)].filter((t) => !spec.tiers.get(t)?.byId);
      if (envById && byName.length === 0) continue;
      const missing = [...(envById ? [] : ['the environment']), ...byName.map((t) => `tier "${t}"`)];
      rep.report('PC8401', c, `epoch ${e.id} runs on a Dask cluster, but the Domino flow cannot attach it: ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not given by id`,
        'give them with `id` in the domino block (`environment id "<24 hex>"`, `tier small id "small-k8s"`); until then the flow runs it on one machine');
    }
  },
};
