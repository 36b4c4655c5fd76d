/** `pipec check --deep` results in words: the sample, each metric's expected value and interval, the gates. */
import { formatCount } from '../../ir/feasibility-text.js';
import type { DeepReport } from './deep-types.js';

const fix = (x: number): string => (Math.abs(x) >= 1000 ? formatCount(x) : x.toFixed(3));

/** Lines for one spec's deep report. */
export function describeDeep(d: DeepReport): string[] {
  const r = d.result;
  const lines = [
    `deep: quick baselines (${Object.keys(r.models).sort().join(', ')}) on ${formatCount(r.sampled_rows)} of ${formatCount(r.rows)} rows, ` +
      `${r.folds}-fold CV, best ${r.best_model}; ${d.cached ? 'cached' : `${r.seconds.toFixed(1)} s`}`,
    `  expected on a test split of ${formatCount(r.test_rows)} rows (interval: the baselines' spread ± 95% split noise):`,
  ];
  const names = Object.keys(r.metrics);
  const width = Math.max(0, ...names.map((n) => n.length));
  for (const name of names) {
    const m = r.metrics[name]!;
    lines.push(`    ${name.padEnd(width)}  ${fix(m.expected)}  [${fix(m.low)}, ${fix(m.high)}]`);
  }
  for (const g of d.gates) {
    lines.push(`  gate ${g.rule}  ${g.fact} ${g.op} ${g.value}  ${g.verdict}  expected ${fix(g.expected)} [${fix(g.low)}, ${fix(g.high)}]`);
  }
  return lines;
}
