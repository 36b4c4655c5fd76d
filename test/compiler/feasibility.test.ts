/**
 * The feasibility pass: the synthetic oracle against closed forms, the examples' gates reported
 * feasible with their oracle values, exact messages for unreachable and marginal gates, size and
 * memory estimates, determinism, and the expected values carried into epoch 001's documents.
 */
import { describe, expect, it } from 'vitest';
import { checkSpec } from '../../src/compiler/index.js';
import { assessFeasibility } from '../../src/compiler/feasibility/assess.js';
import { judge, testRowsOf } from '../../src/compiler/feasibility/assess.js';
import { oracleMetrics, rocAuc } from '../../src/compiler/feasibility/metrics.js';
import { boundOf } from '../../src/compiler/feasibility/oracle.js';
import type { Simulation } from '../../src/compiler/feasibility/simulate.js';
import { METRICS, STANDARD_METRICS } from '../../src/catalogue/index.js';
import { emitProject } from '../../src/emit/index.js';
import type { Ir } from '../../src/ir/schema.js';
import { diskLoader, repoSource } from './helpers/disk-loader.js';
import { partsNamed, testAssets } from '../helpers/generate-project.js';

const loader = diskLoader();

function check(text: string) {
  return checkSpec({ path: 'spec.pipeline', text }, { loadLibrary: loader });
}

function example(name: string) {
  const r = checkSpec(repoSource(`examples/${name}/project.pipeline`), { loadLibrary: loader });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.ir as Ir;
}

/** A one-feature synthetic spec with `target` and a gate on epoch 005. */
function synthetic(rows: string, target: string, gate: string, problem = 'classification', metric = 'roc_auc'): string {
  return `project p {
  problem ${problem}
  target  y
  metric  ${metric}
  use lifecycle.domino_standard
  data synthetic {
    rows ${rows}
    seed 3
    column x float normal(0, 1)
    target y ${target}
  }
  epoch 005 {
    gate { require ${gate} }
  }
}
`;
}

describe('synthetic oracle', () => {
  it('regression: rmse is the declared noise, r2 the explained share (closed forms)', () => {
    // y = 2x + N(0, 1), x ~ N(0, 1): var(y) = 5, so r2 = 4/5 and rmse = 1.
    const r = check(synthetic('50_000', 'float linear(2 * x) noise normal(0, 1)', 'metric.r2_score >= 0.5', 'regression', 'rmse'));
    const m = Object.fromEntries((r.ir?.feasibility?.metrics ?? []).map((x) => [x.metric, x]));
    expect(m.rmse!.value).toBeCloseTo(1, 1);
    expect(m.r2_score!.value).toBeCloseTo(0.8, 1);
    expect(m.r2_score!.bound).toBe('upper');
    expect(m.rmse!.bound).toBe('lower');
  });

  it('classification: a formula without signal scores AUC 0.5; the AUC helper handles ties', () => {
    const r = check(synthetic('50_000', 'binary logistic(0 * x)', 'metric.roc_auc >= 0.4'));
    const auc = r.ir?.feasibility?.metrics.find((x) => x.metric === 'roc_auc');
    expect(auc?.value).toBe(0.5);
    expect(rocAuc([0, 1, 0, 1], [0.1, 0.9, 0.5, 0.5], 0, 4)).toBe(0.875);
  });

  it('an unreachable gate is an error naming the oracle value, at the comparison', () => {
    const r = check(synthetic('100_000', 'binary logistic(0.5 * x)', 'metric.roc_auc >= 0.99'));
    expect(r.ir).toBeNull();
    const d = r.diagnostics.find((x) => x.code === 'PC5301');
    expect(d?.severity).toBe('error');
    expect(d?.message).toMatch(/^roc_auc >= 0\.99 is unreachable: the generating formula itself scores 0\.6\d+ ± 0\.0\d+ on 20,000 test rows$/);
    expect(d?.range?.start.line).toBe(13);
    // The feasibility block still comes back, so `pipec check` can show the numbers.
    expect(r.feasibility?.gates.find((g) => g.fact === 'metric.roc_auc')?.verdict).toBe('unreachable');
  });

  it('a gate within the sampling error is a warning; well below it, feasible', () => {
    const oracle = check(synthetic('2_000', 'binary logistic(2 * x)', 'metric.roc_auc >= 0.5')).ir!.feasibility!;
    const auc = oracle.metrics.find((m) => m.metric === 'roc_auc')!;
    const marginal = check(synthetic('2_000', 'binary logistic(2 * x)', `metric.roc_auc >= ${auc.value}`));
    expect(marginal.diagnostics.map((d) => d.code)).toEqual(['PC5302']);
    expect(marginal.ir).not.toBeNull();
    expect(oracle.gates.find((g) => g.fact === 'metric.roc_auc')?.verdict).toBe('feasible');
  });

  it('exact facts are checked exactly: split.test_rows and data.rows', () => {
    expect(testRowsOf(3000, 20)).toBe(600);
    expect(testRowsOf(150, 20)).toBe(30);
    expect(testRowsOf(1001, 25)).toBe(251);
    const r = check(synthetic('1_000', 'binary logistic(x)', 'split.test_rows >= 500'));
    expect(r.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual(['PC5301 split.test_rows >= 500 is unreachable: the split gives 200 test rows']);
  });

  it('judge: bounds prove unreachability only in their own direction; estimates never', () => {
    expect(judge('>=', 0.9, 0.8, 0.01, 'upper')).toBe('unreachable');
    expect(judge('<=', 0.9, 0.8, 0.01, 'upper')).toBe('unknown');
    expect(judge('<=', 0.5, 0.8, 0.01, 'lower')).toBe('unreachable');
    expect(judge('>=', 0.95, 0.8, 0.01, 'estimate')).toBe('unknown');
    expect(judge('>=', 0.805, 0.8, 0.01, 'upper')).toBe('marginal');
    expect(judge('>=', 0.7, 0.8, 0.01, 'upper')).toBe('feasible');
  });

  it("computes exactly the catalogue's metrics of each target kind, inside their ranges; limits in their better direction", () => {
    const rows = 2_000;
    const y = Float64Array.from({ length: rows }, (_, i) => i % 3 === 0 ? 1 : 0);
    const truth = Float64Array.from({ length: rows }, (_, i) => (i % 3 === 0 ? 0.7 : 0.2) + (i % 7) / 100);
    const sims: Record<'binary' | 'category' | 'float', Simulation> = {
      binary: { rows, columns: new Map(), y, truth, classShares: null },
      category: { rows, columns: new Map(), y, truth, classShares: [2 / 3, 1 / 3] },
      float: { rows, columns: new Map(), y: truth.map((t, i) => t + (i % 5) / 10), truth, classShares: null },
    };
    for (const kind of ['binary', 'category', 'float'] as const) {
      const [all] = oracleMetrics(sims[kind], kind, 4);
      const names = STANDARD_METRICS[kind === 'float' ? 'regression' : 'classification'];
      expect(Object.keys(all ?? {}).sort()).toEqual([...names].sort());
      for (const name of names) {
        const info = METRICS[name as keyof typeof METRICS];
        const v = all?.[name] as number;
        if (info.range[0] !== null) expect(v, name).toBeGreaterThanOrEqual(info.range[0]);
        if (info.range[1] !== null) expect(v, name).toBeLessThanOrEqual(info.range[1]);
        expect(['estimate', info.better === 'higher' ? 'upper' : 'lower']).toContain(boundOf(kind, name));
      }
    }
    expect([boundOf('binary', 'log_loss'), boundOf('binary', 'roc_auc'), boundOf('binary', 'precision'), boundOf('float', 'mape')])
      .toEqual(['lower', 'upper', 'estimate', 'estimate']);
  });
});

describe('the examples', () => {
  it('credit-risk: both metric gates feasible, with the oracle values', () => {
    const f = example('credit-risk').feasibility!;
    expect(f.method).toBe('oracle');
    expect(f.testRows).toBe(20_000);
    const gates = Object.fromEntries(f.gates.map((g) => [g.fact, g]));
    for (const fact of ['metric.f1_score', 'metric.roc_auc', 'split.test_rows', 'data.rows', 'data.missing', 'data.size']) {
      expect(gates[fact]?.verdict, fact).toBe('feasible');
    }
    expect(gates['metric.roc_auc']!.expected).toBeGreaterThan(0.85);
    expect(gates['metric.roc_auc']!.expected).toBeLessThan(0.92);
    expect(gates['metric.f1_score']!.expected).toBeGreaterThan(0.7);
    expect(f.resources.rowsThatFit).toBeNull();
  });

  it('house-prices: r2 gate feasible; iris (file data): no oracle, nothing predicted', () => {
    const hp = example('house-prices').feasibility!;
    const r2 = hp.gates.find((g) => g.fact === 'metric.r2_score')!;
    expect(r2.verdict).toBe('feasible');
    expect(r2.expected).toBeGreaterThan(0.95);
    const iris = example('iris-species').feasibility!;
    expect(iris.method).toBe('none');
    expect(iris.gates).toEqual([]);
  });

  it('credit-risk at 2M rows: the check says the file is sampled down, with the rows that fit', () => {
    const text = repoSource('examples/credit-risk/project.pipeline').text.replace('rows 100_000', 'rows 2_000_000');
    const r = check(text);
    const d = r.diagnostics.find((x) => x.code === 'PC6301');
    expect(d?.message).toMatch(/^2,000,000 rows make a data file of about 5\d\.\d MB, over max_file_size 50\.0 MB: epoch 002 will sample it down to about 1,[0-9]{3},[0-9]{3} rows$/);
    const fit = r.ir!.feasibility!.resources.rowsThatFit!;
    expect(fit).toBeGreaterThan(1_500_000);
    expect(fit * r.ir!.feasibility!.resources.bytesPerRow).toBeLessThan(50 * 1024 ** 2);
  });

  it('the oracle goes through a cache when given one (keyed without the row count)', () => {
    const store = new Map<string, unknown>();
    let sets = 0;
    const cache = { get: (k: string) => store.get(k) as never, set: (k: string, v: unknown) => { sets++; store.set(k, v); } };
    const ir = example('credit-risk');
    const first = assessFeasibility(ir, cache);
    expect(sets).toBe(1);
    expect(assessFeasibility(ir, cache)).toEqual(first);
    expect(sets).toBe(1);
    // Another row count with the same test rows reuses the answer; another split does not.
    assessFeasibility({ ...ir, data: { ...ir.data, rows: 99_999 } as Ir['data'] }, cache);
    expect(sets).toBe(1);
    assessFeasibility({ ...ir, features: { ...ir.features, split: { ...ir.features.split, testPercent: 30 } } }, cache);
    expect(sets).toBe(2);
  });

  it('is deterministic: the same spec gives the same block', () => {
    expect(JSON.stringify(example('credit-risk').feasibility)).toBe(JSON.stringify(example('credit-risk').feasibility));
    expect(assessFeasibility(example('house-prices'))).toEqual(example('house-prices').feasibility);
  });

  it("epoch 001's success criteria and requirements carry the expected values", async () => {
    const files = emitProject(example('credit-risk'), await testAssets(), partsNamed('epoch001'));
    const criteria = JSON.parse(files.find((f) => f.path.endsWith('success_criteria.json'))!.contents);
    const auc = criteria['005'].rules.find((r: { fact: string }) => r.fact === 'metric.roc_auc');
    expect(auc.feasibility).toBe('feasible');
    expect(auc.expected).toBeGreaterThan(0.85);
    const req = files.find((f) => f.path.endsWith('requirements.md'))!.contents;
    expect(req).toMatch(/metric\.roc_auc >= 0\.75.*\(expected before running: feasible: best possible 0\.8\d+ ± 0\.0\d+\)/);
    expect(req).toContain('Checked before running: the generating formula itself, scored on 20,000 simulated rows');
    const resources = JSON.parse(files.find((f) => f.path.endsWith('resource_estimates.json'))!.contents);
    expect(resources.data.rows).toBe(100_000);
  });
});
