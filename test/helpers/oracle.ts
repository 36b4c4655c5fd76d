/**
 * Test helper: the values a real run reached, compared with the feasibility oracle (the generating
 * formula itself, scored on simulated rows) at the run's row count. No model may beat a limit by more
 * than the sampling error of the test split; the pairs are printed for the report.
 */
import { expect } from 'vitest';
import { assessFeasibility } from '../../src/compiler/feasibility/assess.js';
import type { Ir } from '../../src/ir/schema.js';

/** Assert every bounded metric of `achieved` lies on the reachable side of the oracle at `rows` rows. */
export function expectBelowOracle(ir: Ir, rows: number, achieved: Record<string, number>): void {
  const at = structuredClone(ir);
  if (at.data.kind !== 'synthetic') throw new Error('the oracle needs synthetic data');
  at.data.rows = rows;
  const oracle = assessFeasibility(at);
  const bounded = oracle.metrics.filter((m) => m.bound !== 'estimate' && Number.isFinite(achieved[m.metric]));
  const lines = bounded.map((m) => `${m.metric}: achieved ${(achieved[m.metric] as number).toFixed(4)}, oracle ${m.value} ± ${m.halfWidth} (${m.bound} bound)`);
  console.log(`[oracle] ${ir.project.name} at ${rows} rows (${oracle.testRows} test rows)\n  ${lines.join('\n  ')}`);
  expect(bounded.length).toBeGreaterThan(0);
  // The run's test split is one draw: its own noise can sit a few standard errors from the expectation
  // (house-prices at 1,500 rows: 2.5 SE). The half-widths are 95% (1.96 SE); allow 99.9% (3.29 SE).
  const widen = 3.29 / 1.96;
  for (const m of bounded) {
    const value = achieved[m.metric] as number;
    if (m.bound === 'upper') expect(value, m.metric).toBeLessThanOrEqual(m.value + widen * m.halfWidth);
    else expect(value, m.metric).toBeGreaterThanOrEqual(m.value - widen * m.halfWidth);
  }
}
