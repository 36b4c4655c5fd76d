/** The target example: no diagnostics, a golden IR, and an IR that does not depend on declaration order. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSpec, checkSyntax } from '../../src/compiler/index.js';
import { parseSpec } from '../../src/grammar/index.js';
import type { Statement } from '../../src/grammar/syntax.js';
import type { Diagnostic } from '../../src/diagnostics/types.js';
import { diskLoader, REPO_ROOT, repoSource } from './helpers/disk-loader.js';
import { expectGolden } from '../helpers/golden.js';

const loader = diskLoader();
/** Diagnostics of the front end itself (every code but the Domino Flows target's PC8xxx). */
const ours = (diags: readonly Diagnostic[]) => diags.filter((d) => !d.code.startsWith('PC8'));
const source = repoSource('examples/credit-risk/project.pipeline');

/** Deterministic Fisher-Yates with a tiny LCG, so a failing order can be replayed by seed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('examples/credit-risk', () => {
  const result = checkSpec(source, { loadLibrary: loader });

  it('checks with no compiler diagnostics and no errors at all', () => {
    // PC8xxx (Domino Flows target) may warn about unpinned production settings; those are not ours.
    expect(ours(result.diagnostics)).toEqual([]);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.ir).not.toBeNull();
  });

  it('lowers to the golden IR', () => {
    expectGolden(join(REPO_ROOT, 'test/compiler/golden/credit-risk.ir.json'), `${JSON.stringify(result.ir, null, 2)}\n`);
  });

  it('is deterministic: a second run gives byte-identical IR', () => {
    const again = checkSpec(source, { loadLibrary: loader });
    expect(JSON.stringify(again.ir)).toBe(JSON.stringify(result.ir));
  });

  it('gives the same IR whatever the order of the project block statements', () => {
    const parsed = parseSpec(source);
    const project = parsed.syntax.statements[0] as Statement;
    const block = project.block;
    if (!block) throw new Error('example has no project block');
    for (const seed of [1, 7, 42, 1234]) {
      const reordered = { ...block, statements: shuffled(block.statements, seed) };
      const syntax = { ...parsed.syntax, statements: [{ ...project, block: reordered }] };
      const r = checkSyntax(syntax, { loadLibrary: loader });
      expect(r.diagnostics).toEqual(result.diagnostics);
      expect(JSON.stringify(r.ir)).toBe(JSON.stringify(result.ir));
    }
  });

  it('merges the lifecycle: 8 epochs in order, overrides added to stdlib gates, reviews and tiers', () => {
    const ir = result.ir;
    if (!ir) throw new Error('no IR');
    expect(ir.epochs.map((e) => e.dir)).toEqual([
      'epoch001-research-analysis-planning', 'epoch002-data-wrangling', 'epoch003-exploratory-data-analysis',
      'epoch004-feature-engineering', 'epoch005-model-development', 'epoch006-model-testing',
      'epoch007-application-development', 'epoch008-retrospective',
    ]);
    const e005 = ir.epochs.find((e) => e.id === '005');
    expect(e005?.experiment).toBe('credit_risk_model');
    expect(e005?.gate.filter((g) => g.origin === 'spec').map((g) => `${g.fact} ${g.op} ${g.value}`))
      .toEqual(['metric.f1_score >= 0.7', 'metric.roc_auc >= 0.75']);
    expect(e005?.produces.map((f) => f.name)).toContain('metric.log_loss');
    expect(ir.epochs.find((e) => e.id === '002')?.gate[0]).toMatchObject({ fact: 'data.size', op: '<', value: 50 * 1024 ** 2, unit: 'size' });
    expect(ir.epochs.find((e) => e.id === '003')?.review).toEqual({ title: 'Data quality assessment' });
    expect(ir.epochs.filter((e) => e.review).map((e) => e.id)).toEqual(['001', '003', '004', '006', '007']);
    expect(ir.epochs.find((e) => e.id === '007')?.gate.at(-1)).toMatchObject({ fact: 'api.latency_p95', op: '<', value: 0.1 });
    expect(ir.epochs.find((e) => e.id === '008')?.after).toEqual(['001', '002', '003', '004', '005', '006', '007']);
    expect(ir.domino.tiers).toEqual({ large: 'Large', medium: 'Medium', small: 'Small' });
    expect(ir.limits).toEqual({ maxFileSizeBytes: 52428800, maxMemoryBytes: 12884901888, chunkRows: 10000, checkpoint: { everyPercent: 10, everySeconds: 300 } });
    expect(ir.project).toMatchObject({ name: 'credit_risk', metric: 'f1_score', production: true });
  });
});
