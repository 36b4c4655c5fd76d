// Rule: a local run's LocalCluster fits under max_memory. Its workers are children of the epoch, and the
// runtime's memory guard (and `pipec run`'s) counts the whole process tree against limits.max_memory, so
// workers × worker_memory plus the epoch process above it lets the guard stop an epoch before any worker
// reaches its own limit. On Domino each worker is its own machine: the rule is about local runs only.
import { CLUSTER_DEFAULTS, LOCAL_EPOCH_PROCESS_BYTES, PLATFORM } from '../../catalogue/index.js';
import type { Check } from '../check-context.js';
import { clusterCapable, computeOf, computeStatements } from '../compute-of.js';
import { maxMemoryOf } from '../limits-of.js';
import type { Loc } from '../model.js';
import { formatValue } from '../units.js';

const MB = 1024 ** 2;
/** Suggested worker sizes are rounded down to this step, so the hint reads like a spec value. */
const STEP = 128 * MB;
const size = (bytes: number): string => formatValue(bytes, 'size');

/**
 * PC4470 (warning, on a written `worker_memory`): the workers' memory limits, plus the epoch process,
 * exceed max_memory. Left unset, worker_memory is sized for Domino's machines (a share of the worker tier),
 * so only a spec that sizes its workers is held to its own max_memory.
 */
export const checkComputeLocalMemory: Check = {
  name: 'compute-local-memory',
  run({ spec, rep }) {
    const max = maxMemoryOf(spec);
    // A clause that already has an error (PC6401, PC6402) gets no warning on top.
    const hasError = (at: Loc) => rep.diagnostics.some((d) => d.severity === 'error' && d.file === at.file
      && d.range?.start.offset === at.range?.start.offset && d.range?.end.offset === at.range?.end.offset);
    for (const c of computeStatements(spec)) {
      const m = c.workerMemory;
      if (c.kind !== 'cluster' || !c.engine || !m || hasError(m) || (c.workers && hasError(c.workers))) continue;
      // Only a statement some epoch runs on (an epoch without cluster code is PC7401).
      if (!spec.epochs.some((e) => clusterCapable(e) && computeOf(spec, e) === c)) continue;
      const workers = c.workers?.value ?? CLUSTER_DEFAULTS.workers;
      const cluster = workers * m.value;
      if (cluster + LOCAL_EPOCH_PROCESS_BYTES <= max.bytes) continue;
      const sum = `${workers} worker${workers === 1 ? '' : 's'} × ${size(m.value)} = ${size(cluster)}`;
      const over = cluster > max.bytes ? sum : `${sum} plus ≈${size(LOCAL_EPOCH_PROCESS_BYTES)} for the epoch process`;
      const fits = Math.floor((max.bytes - LOCAL_EPOCH_PROCESS_BYTES) / workers / STEP) * STEP;
      const fewer = Math.floor((max.bytes - LOCAL_EPOCH_PROCESS_BYTES) / m.value);
      const lower = [
        fits >= CLUSTER_DEFAULTS.minWorkerMemoryBytes ? `worker_memory ${size(fits)}` : null,
        fewer >= CLUSTER_DEFAULTS.minWorkers ? `workers ${fewer}` : null,
      ].filter((x) => x !== null).join(' or ');
      const raise = max.bytes < PLATFORM.maxMemoryBytes ? `, or raise max_memory (up to the platform ceiling of ${size(PLATFORM.maxMemoryBytes)})` : '';
      rep.report('PC4470', m, `${over} exceeds max_memory ${size(max.bytes)}: a local run's memory guard counts the whole cluster`,
        `for local runs use ${lower || 'fewer, smaller workers'}${raise}; on Domino each worker has its own machine and this does not apply`);
    }
  },
};
