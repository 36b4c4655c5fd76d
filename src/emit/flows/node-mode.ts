/** How a flow node reaches Domino (see NodeMode); shared by the flow view, the plugin API and clusters. */
import type { Epoch, Ir } from '../../ir/schema.js';

/**
 * `job_config`: environment and tier are ids (or the project default), so the node is a module-level
 * `DominoJobTask(domino_job_config=DominoJobConfig(...))`; `helper`: a display name is involved, so the node
 * calls `run_domino_job_task(...)` and the plugin resolves the names at registration.
 */
export type NodeMode = 'job_config' | 'helper';

/** The mode of epoch `e`'s node. */
export function nodeMode(ir: Ir, e: Pick<Epoch, 'tier'>): NodeMode {
  const tierById = ir.domino.tierIds.includes(e.tier);
  return ir.domino.environmentBy !== 'name' && tierById ? 'job_config' : 'helper';
}
