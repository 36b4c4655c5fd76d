/**
 * The on-demand Dask cluster a flow node asks Domino for: flytekitplugins.domino's `ClusterProperties`
 * (in DominoJobConfig.ComputeClusterProperties) takes ids only — ComputeEnvironmentId and the worker
 * hardware tier id — so a node carries its cluster when it is a DominoJobConfig node, the environment is
 * given by id and the worker tier by id. Otherwise pipec check warns (PC8401) and the node runs without.
 */
import type { Epoch, Ir } from '../../ir/schema.js';
import { nodeMode } from './node-mode.js';

/** The cluster of a node, as the flow's NODES table holds it, or null. */
export interface NodeCluster {
  type: 'Dask';
  workers: number;
  worker_tier: string;
  worker_memory_bytes: number;
}

/** Whether the flow can attach `e`'s cluster (ids for environment and worker tier, a job-config node). */
export function clusterAttachable(ir: Ir, e: Epoch): boolean {
  const c = e.compute;
  return c !== undefined && nodeMode(ir, e) === 'job_config' && ir.domino.environmentBy === 'id'
    && ir.domino.tierIds.includes(c.workerTier);
}

/** The node's cluster for the flow, or null when it has none or it cannot be attached. */
export function nodeCluster(ir: Ir, e: Epoch): NodeCluster | null {
  if (!e.compute || !clusterAttachable(ir, e)) return null;
  return { type: 'Dask', workers: e.compute.workers, worker_tier: e.compute.workerTier, worker_memory_bytes: e.compute.workerMemoryBytes };
}
