/** Lowering data, features and models: defaults applied, distributions and shares in IR form. */
import type { Column, Data, Distribution, Ir } from '../ir/schema.js';
import type { ColumnDecl, DistributionDecl, ShareDecl } from './model.js';
import type { ResolvedSpec } from './resolve-model.js';
import { lowerFormula } from './lower-formula.js';
import { BUDGETS, defaultBaselines } from '../catalogue/index.js';
import { DEFAULT_CV_FOLDS, isModelId, modelFramework } from './standard.js';

/** Seed used when a spec gives none (data generation and the split share it). */
export const DEFAULT_SEED = 42;

/** Lower a checked distribution. */
export function lowerDistribution(d: DistributionDecl): Distribution {
  const [a, b] = d.params;
  switch (d.kind) {
    case 'uniform': return { kind: 'uniform', low: a, high: b };
    case 'normal': return { kind: 'normal', mean: a, std: b };
    case 'lognormal': return { kind: 'lognormal', mean: a, sigma: b };
    case 'beta': return { kind: 'beta', a, b };
  }
}

const shares = (s: ShareDecl[]) => s.map((x) => ({ value: x.value, share: x.share }));

function lowerColumn(c: ColumnDecl): Column {
  return {
    name: c.name.value,
    type: c.type.value,
    distribution: c.distribution ? lowerDistribution(c.distribution) : null,
    categories: c.categories ? shares(c.categories) : null,
    clip: c.clip ? { low: c.clip.low, high: c.clip.high } : null,
    missing: c.missing?.value ?? 0,
  };
}

/** Lower the data block (shape guarantees it exists before lowering). */
export function lowerData(spec: ResolvedSpec): Data {
  const p = spec.project;
  const d = p.data;
  if (!d) throw new Error('internal: data block missing at lowering');
  const t = d.target;
  const g = t?.generator ?? null;
  const target = {
    name: t?.name.value ?? p.target?.value ?? 'target',
    kind: t?.kind.value ?? (spec.problem === 'regression' ? ('float' as const) : ('binary' as const)),
    generator: !g ? null
      : g.kind === 'logistic' ? { kind: 'logistic' as const, formula: lowerFormula(g.formula) }
      : g.kind === 'linear' ? { kind: 'linear' as const, formula: lowerFormula(g.formula), noise: g.noise ? lowerDistribution(g.noise) : null }
      : { kind: 'categories' as const, categories: shares(g.categories) },
  };
  const columns = d.columns.map(lowerColumn);
  if (d.kind === 'file') {
    return { kind: 'file', path: d.path?.value ?? '', format: d.format?.value ?? 'csv', columns, target };
  }
  return { kind: 'synthetic', rows: d.rows?.value ?? 0, seed: d.seed?.value ?? DEFAULT_SEED, columns, target };
}

/** Lower `features` (defaults: standard scaling, 20% test split, no stratification). */
export function lowerFeatures(spec: ResolvedSpec): Ir['features'] {
  const f = spec.project.features;
  return {
    derives: (f?.derives ?? []).map((x) => ({ name: x.name.value, formula: lowerFormula(x.formula) })),
    encodings: (f?.encodings ?? []).map((e) => ({ column: e.column.value, method: e.method.value })),
    scale: f?.scale?.value ?? 'standard',
    split: {
      testPercent: f?.split?.testPercent.value ?? 20,
      stratify: f?.split?.stratify?.value ?? false,
      seed: f?.split?.seed?.value ?? spec.project.data?.seed?.value ?? DEFAULT_SEED,
    },
  };
}

/** Lower `models` (baselines in the written order, else the catalogue's default baselines; tuning defaults: 5 folds, halving random search). */
export function lowerModels(spec: ResolvedSpec): Ir['models'] {
  const m = spec.project.models;
  const ids = m && m.baselines.length > 0 ? m.baselines.map((b) => b.value) : defaultBaselines(spec.problem);
  const unique = [...new Set(ids)].filter(isModelId);
  const tune = m?.tune;
  return {
    baselines: unique.map((id) => ({ id, ...modelFramework(id) })),
    tune: tune ? {
      target: tune.target.value,
      budgetTrials: tune.trials.value,
      cvFolds: tune.folds?.value ?? DEFAULT_CV_FOLDS,
      strategy: tune.strategy?.value ?? 'halving_random',
      timeSeconds: tune.timeSeconds?.value ?? null,
    } : null,
    baselineTimeSeconds: m?.baselineTimeSeconds?.value ?? null,
    selectionSampleRows: m?.sample ? (m.sample.value === 'off' ? null : m.sample.value) : BUDGETS.defaultSelectionSampleRows,
  };
}
