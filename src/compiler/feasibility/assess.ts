/**
 * The feasibility pass: from the lowered IR, what each gate can expect before anything runs —
 * the oracle's metric values for synthetic data, exact counts for split and row gates, and size and
 * memory estimates against the limits. Pure and deterministic (seeded simulation, rounded numbers).
 */
import type { Ir } from '../../ir/schema.js';
import type { Feasibility, GateFeasibility, OracleMetric, Verdict } from '../../ir/feasibility-schema.js';
import { cachedOracle, ORACLE_ROWS, round4 } from './oracle.js';
import type { OracleCache } from '../stdlib-loader.js';
import { estimateResources } from './resources.js';

/** Rows sklearn's train_test_split puts in the test set: ceil(share × n). */
export function testRowsOf(rows: number, testPercent: number): number {
  return Math.ceil((rows * testPercent) / 100 - 1e-9);
}

/**
 * Where a measured value may land (`expected ± halfWidth`) against `fact op value`. `bound` says the
 * expectation is a limit no model passes (so beyond it is unreachable), or only an estimate.
 */
export function judge(op: string, value: number, expected: number, halfWidth: number, bound: OracleMetric['bound'] | 'exact'): Verdict {
  const higher = op === '>=' || op === '>';
  const lower = op === '<=' || op === '<';
  if (!higher && !lower) return 'unknown';
  // A limit only proves a gate unreachable in its own direction (an AUC ceiling says nothing of `<=`).
  if ((bound === 'upper' && !higher) || (bound === 'lower' && !lower)) return 'unknown';
  const passes = (x: number): boolean => (op === '>=' ? x >= value : op === '>' ? x > value : op === '<=' ? x <= value : x < value);
  const worst = higher ? expected - halfWidth : expected + halfWidth;
  const best = higher ? expected + halfWidth : expected - halfWidth;
  if (passes(worst)) return 'feasible';
  if (!passes(best)) return bound === 'estimate' ? 'unknown' : 'unreachable';
  return bound === 'estimate' ? 'unknown' : 'marginal';
}

/** The expected value of a non-metric fact the compiler can compute exactly (or estimate), else null. */
function factExpectation(ir: Ir, fact: string, kept: number | null, fileBytes: number | null): { expected: number; halfWidth: number } | null {
  if (kept === null) return null;
  if (fact === 'split.test_rows') return { expected: testRowsOf(kept, ir.features.split.testPercent), halfWidth: 0 };
  if (fact === 'data.rows') return { expected: kept, halfWidth: 0 };
  if (fact === 'data.missing') {
    const cells = ir.data.columns.length + 1;
    return { expected: round4(ir.data.columns.reduce((s, c) => s + c.missing, 0) / cells), halfWidth: 0 };
  }
  if (fact === 'data.size' && fileBytes !== null) {
    // Never above the limit: the runtime samples the file down to fit (PC6301 says so).
    const size = Math.min(fileBytes, ir.limits.maxFileSizeBytes);
    return { expected: Math.round(size), halfWidth: Math.round(size * 0.15) };
  }
  return null;
}

/** Assess a lowered spec (the oracle through `cache` when given). */
export function assessFeasibility(ir: Ir, cache?: OracleCache): Feasibility {
  const resources = estimateResources(ir);
  const kept = resources.rowsThatFit ?? resources.rows;
  const testRows = kept === null ? null : testRowsOf(kept, ir.features.split.testPercent);
  const synthetic = ir.data.kind === 'synthetic';
  const metrics = synthetic && testRows !== null && ir.data.kind === 'synthetic' ? cachedOracle(ir.data, ir.project.metrics, testRows, cache) : [];
  const byMetric = new Map(metrics.map((m) => [m.metric, m]));
  const gates: GateFeasibility[] = [];
  for (const epoch of ir.epochs) {
    for (const rule of epoch.gate) {
      if (typeof rule.value !== 'number') continue;
      const m = rule.fact.startsWith('metric.') ? byMetric.get(rule.fact.slice('metric.'.length)) : undefined;
      const exact = m ? null : factExpectation(ir, rule.fact, kept, resources.fileBytes);
      if (!m && !exact) continue;
      const expected = m ? m.value : (exact as { expected: number }).expected;
      const halfWidth = m ? m.halfWidth : (exact as { halfWidth: number }).halfWidth;
      const bound = m ? m.bound : rule.fact === 'data.size' ? 'estimate' : 'exact';
      gates.push({ rule: rule.id, fact: rule.fact, op: rule.op, value: rule.value, unit: rule.unit, expected, halfWidth,
        verdict: judge(rule.op, rule.value, expected, halfWidth, bound) });
    }
  }
  return {
    method: synthetic ? 'oracle' : 'none',
    sampleRows: synthetic ? ORACLE_ROWS : 0,
    testRows,
    metrics,
    gates,
    resources: { ...resources, bytesPerRow: round4(resources.bytesPerRow) },
  };
}
