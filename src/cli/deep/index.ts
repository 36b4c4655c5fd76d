/** `pipec check --deep`: quick baselines on file data through the Python runtime, cached (see deep-run.ts). */
import type { Diagnostic, Range } from '../../diagnostics/types.js';
import { makeDiagnostic } from '../../diagnostics/make.js';
import { formatCount } from '../../ir/feasibility-text.js';
import type { DeepReport } from './deep-types.js';

export { deepCheck, deepRequest, judgeDeep, DEEP_SAMPLE_ROWS } from './deep-run.js';
export type { DeepReport, DeepResult } from './deep-types.js';

/** PC5303 for every gate the whole interval fails, at the rule's comparison. */
export function deepDiagnostics(d: DeepReport, locations: Record<string, { file: string; range: Range }>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const g of d.gates) {
    const at = locations[g.rule];
    if (g.verdict !== 'unlikely' || !at) continue;
    const fact = g.fact.replace(/^metric\./, '');
    out.push(makeDiagnostic({
      code: 'PC5303', file: at.file, range: at.range,
      message: `${fact} ${g.op} ${g.value} is unlikely to pass: quick cross-validated baselines score ${g.expected.toFixed(3)} ` +
        `(${g.low.toFixed(3)} to ${g.high.toFixed(3)} on ${formatCount(d.result.test_rows)} test rows)`,
      hint: `tuning rarely gains that much: gate nearer ${g.expected.toFixed(3)}, or improve the data`,
    }));
  }
  return out;
}
