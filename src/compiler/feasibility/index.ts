/**
 * The feasibility pass, run after lowering: assess what the data can deliver against the gates and
 * limits, report what cannot work, and return the IR with its `feasibility` block.
 */
import type { Ir } from '../../ir/schema.js';
import type { Reporter } from '../report.js';
import type { ResolvedSpec } from '../resolve-model.js';
import { assessFeasibility } from './assess.js';
import type { OracleCache } from '../stdlib-loader.js';
import { reportFeasibility, ruleLoc } from './report-feasibility.js';
import type { Range } from '../../diagnostics/types.js';

export { assessFeasibility } from './assess.js';
export { formatEstimate, formatCount, formatBytes } from '../../ir/feasibility-text.js';

/** Assess `ir`, report findings against the spec's ranges, and return the IR carrying the block. */
export function checkFeasibility(spec: ResolvedSpec, ir: Ir, rep: Reporter, cache?: OracleCache): Ir {
  const feasibility = assessFeasibility(ir, cache);
  reportFeasibility(spec, ir, feasibility, rep);
  return { ...ir, feasibility };
}
export { describeFeasibility, describeGate, describeExpected, describeMethod, describeResources } from '../../ir/feasibility-text.js';

/** Source location of every gate rule of the IR, by rule id. */
export function gateLocations(spec: ResolvedSpec, ir: Ir): Record<string, { file: string; range: Range }> {
  const out: Record<string, { file: string; range: Range }> = {};
  for (const e of ir.epochs) {
    for (const g of e.gate) {
      const at = ruleLoc(spec, g.id);
      if (at) out[g.id] = { file: at.file, range: at.range };
    }
  }
  return out;
}
