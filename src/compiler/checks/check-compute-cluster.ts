// Rule: a cluster's workers run on a known tier, fit it, and are 1..64; only epochs 002-006 declare one.
import { CLUSTER_DEFAULTS, TIER_FACTS } from '../../catalogue/index.js';
import type { Check } from '../check-context.js';
import { clusterCapable, computeStatements } from '../compute-of.js';
import { didYouMean } from '../report.js';

const GB = 1024 ** 3;
const size = (bytes: number): string => (bytes >= GB ? `${+(bytes / GB).toFixed(2)}GB` : `${Math.round(bytes / 1024 ** 2)}MB`);

/** PC2401 unknown worker tier, PC6401 memory outside the tier, PC6402 worker count, PC7401 epoch without cluster code. */
export const checkComputeCluster: Check = {
  name: 'compute-cluster',
  run({ spec, rep }) {
    for (const c of computeStatements(spec)) {
      if (c.kind !== 'cluster') continue;
      const w = c.workers;
      if (w && (!Number.isInteger(w.value) || w.value < CLUSTER_DEFAULTS.minWorkers || w.value > CLUSTER_DEFAULTS.maxWorkers)) {
        rep.report('PC6402', w, `a cluster of ${w.value} workers is out of range`,
          `use a whole number from ${CLUSTER_DEFAULTS.minWorkers} to ${CLUSTER_DEFAULTS.maxWorkers}`);
      }
      const t = c.workerTier;
      if (t && !spec.tiers.has(t.value)) {
        rep.report('PC2401', t, `cluster workers run on unknown tier "${t.value}"`,
          `${didYouMean(t.value, spec.tiers.keys(), 'tiers')} (or add \`tier ${t.value} "Domino tier name"\` to the domino block)`);
      }
      const tierName = t?.value ?? CLUSTER_DEFAULTS.workerTier;
      const facts = Object.hasOwn(TIER_FACTS, tierName) ? TIER_FACTS[tierName] : undefined;
      const m = c.workerMemory;
      if (m && facts && m.value > facts.memoryBytes) {
        rep.report('PC6401', m, `worker_memory ${size(m.value)} is more than a ${tierName} machine has (${size(facts.memoryBytes)})`,
          `use at most ${size(facts.memoryBytes)}, or a larger worker_tier`);
      } else if (m && m.value < CLUSTER_DEFAULTS.minWorkerMemoryBytes) {
        rep.report('PC6401', m, `worker_memory ${size(m.value)} is too little for a Dask worker`,
          `use at least ${size(CLUSTER_DEFAULTS.minWorkerMemoryBytes)}`);
      }
    }
    for (const e of spec.epochs) {
      for (const c of [e.base.compute, e.override?.compute ?? null]) {
        if (c?.kind === 'cluster' && !clusterCapable(e)) {
          rep.report('PC7401', c, `epoch ${e.id} cannot run on a cluster: it has no generated cluster code`,
            'epochs 002 to 006 can; remove `compute` from this epoch');
        }
      }
    }
  },
};
