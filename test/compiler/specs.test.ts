/**
 * Specs exercising everything issue 2 requires beyond the example (file data, user epochs, epoch
 * overrides, every target kind, distribution, function and model): each checks clean, lowers to its
 * golden IR (test/compiler/golden/<name>.ir.json, UPDATE_GOLDEN=1), and a few IR facts are asserted.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSpec } from '../../src/compiler/index.js';
import type { Ir } from '../../src/ir/schema.js';
import { diskLoader, REPO_ROOT, repoSource } from './helpers/disk-loader.js';
import { viewDiagnostics } from './helpers/diag-view.js';
import { expectGolden } from '../helpers/golden.js';

const loader = diskLoader();
const names = readdirSync(join(REPO_ROOT, 'test/compiler/specs')).filter((f) => f.endsWith('.pipeline')).sort();

function compile(name: string): Ir {
  const r = checkSpec(repoSource(`test/compiler/specs/${name}`), { loadLibrary: loader });
  expect(viewDiagnostics(r.diagnostics.filter((d) => !d.code.startsWith('PC8')))).toEqual([]);
  if (!r.ir) throw new Error(`${name}: no IR`);
  return r.ir;
}

describe('specs beyond the example', () => {
  for (const name of names) {
    it(`${name} checks clean and lowers to its golden IR`, () => {
      const ir = compile(name);
      expectGolden(join(REPO_ROOT, `test/compiler/golden/${name.replace(/\.pipeline$/, '.ir.json')}`), `${JSON.stringify(ir, null, 2)}\n`);
    });
  }

  it('house-prices: file data, user epoch after 007, epoch 005 override adds rules and changes tier', () => {
    const ir = compile('house-prices-file.pipeline');
    expect(ir.data).toMatchObject({ kind: 'file', path: 'data/houses.parquet', format: 'parquet' });
    const e009 = ir.epochs.at(-1);
    expect(e009).toMatchObject({ id: '009', name: 'drift_watch', dir: 'epoch009-drift-watch', custom: true, after: ['007'],
      timeoutSeconds: 1800, retries: 2, review: { title: 'Drift sign-off' } });
    expect(e009?.gate.map((g) => g.id)).toEqual(['009:1', '009:2']);
    const e005 = ir.epochs.find((e) => e.id === '005');
    expect(e005?.tier).toBe('gpu');
    expect(e005?.gate.filter((g) => g.origin === 'spec').map((g) => g.message))
      .toEqual(['the model must explain most of the variance', 'metric.mape <= 15']);
    expect(ir.features.derives.find((d) => d.name === 'night')?.formula)
      .toEqual({ kind: 'bin', op: '<', left: { kind: 'col', name: 'hour' }, right: { kind: 'num', value: 6 } });
    expect(ir.models.baselines.map((b) => b.id)).toHaveLength(7);
    expect(ir.models.tune).toEqual({ target: 'best', budgetTrials: 20, cvFolds: 3, strategy: 'random', timeSeconds: null });
    expect(ir.domino).toMatchObject({ volumeSizeGiB: 20, gitRef: 'main' });
    expect(ir.project.metrics).toEqual(['mse', 'rmse', 'mae', 'r2_score', 'mape']);
  });

  it('churn: category target shares, string map keys, every distribution, limits normalised', () => {
    const ir = compile('churn-synthetic.pipeline');
    if (ir.data.kind !== 'synthetic') throw new Error('expected synthetic data');
    expect(ir.data.target.generator).toEqual({ kind: 'categories', categories: [
      { value: 'low', share: 40 }, { value: 'mid', share: 35 }, { value: 'high', share: 25 }] });
    expect(ir.data.columns.find((c) => c.name === 'plan')?.categories?.[1]).toEqual({ value: 'pro plus', share: 30 });
    expect(ir.data.columns.find((c) => c.name === 'spend')).toMatchObject({
      distribution: { kind: 'lognormal', mean: 4, sigma: 0.6 }, clip: { low: 1, high: 5000 }, missing: 1.5 });
    expect(ir.limits).toEqual({ maxFileSizeBytes: 20 * 1024 ** 2, maxMemoryBytes: 8 * 1024 ** 3, chunkRows: 5000,
      checkpoint: { everyPercent: 25, everySeconds: 120 } });
    expect(ir.features).toMatchObject({ scale: 'minmax', split: { testPercent: 30, stratify: true, seed: 3 } });
  });

  it('demand: linear target with noise, api latency becomes a gate of the epoch that measures it', () => {
    const ir = compile('demand-linear.pipeline');
    expect(ir.data.target.generator).toMatchObject({ kind: 'linear', noise: { kind: 'normal', mean: 0, std: 5 } });
    expect(ir.deploy.api).toEqual({ path: '/predict', latencyP95Seconds: 0.25 });
    expect(ir.epochs.find((e) => e.id === '007')?.gate.at(-1)).toMatchObject({ fact: 'api.latency_p95', value: 0.25, unit: 'duration' });
    expect(ir.project.metric).toBe('rmse');
    expect(ir.models.baselines.map((b) => b.id)).toEqual(['sklearn.linear_regression', 'sklearn.random_forest', 'xgboost', 'lightgbm']);
  });
});
