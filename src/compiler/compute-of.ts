/**
 * The compute an epoch runs on: its own `compute` statement (an override of a library epoch, then the
 * library's), else the project's `compute cluster` when the epoch is one of the catalogue's
 * CLUSTER_EPOCHS. Checks and lowering both read it here, so they agree.
 */
import { CLUSTER_EPOCHS } from '../catalogue/index.js';
import type { ComputeDecl } from './model.js';
import type { ResolvedEpoch, ResolvedSpec } from './resolve-model.js';

/** Whether lifecycle epoch `e` has generated code for a cluster. */
export const clusterCapable = (e: ResolvedEpoch): boolean =>
  !e.custom && (CLUSTER_EPOCHS as readonly string[]).includes(e.id);

/** The compute statement in force for `e`, or null (single machine). */
export function computeOf(spec: ResolvedSpec, e: ResolvedEpoch): ComputeDecl | null {
  const own = e.override?.compute ?? e.base.compute;
  if (own) return own;
  return clusterCapable(e) ? spec.project.compute : null;
}

/** Every distinct compute statement of the spec (project-wide first), for the per-statement checks. */
export function computeStatements(spec: ResolvedSpec): ComputeDecl[] {
  const all = [spec.project.compute, ...spec.epochs.flatMap((e) => [e.base.compute, e.override?.compute ?? null])];
  return [...new Set(all.filter((c): c is ComputeDecl => c !== null))];
}

/** Whether `e` runs on a cluster (a `compute cluster <engine>` in force, not `compute local`). */
export function runsOnCluster(spec: ResolvedSpec, e: ResolvedEpoch): boolean {
  const c = computeOf(spec, e);
  return c !== null && c.kind === 'cluster' && c.engine !== null;
}
