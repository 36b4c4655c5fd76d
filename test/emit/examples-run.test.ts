/**
 * The two other examples run 001-004 for real: house-prices (regression, synthetic, linear target with
 * noise) and iris-species (a real CSV, minimal spec, multiclass target, columns inferred).
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Ir } from '../../src/ir/schema.js';
import {
  REPO_ROOT, compileExample, describeRun, fixtureIr, generateProject, hasPython, partsNamed, runPythonAsync, variantIr,
} from '../helpers/generate-project.js';

const EPOCHS = ['001', '002', '003', '004'];
// Four epochs and a pytest run on a loaded 2-core machine.
const TIMEOUT = 600_000;
const PARTS = partsNamed('project', 'runtime', 'package', ...EPOCHS.map((e) => `epoch${e}`));

async function runEpochs(example: string | Ir, env: Record<string, string>, prepare?: (dir: string) => void) {
  const project = await generateProject(typeof example === 'string' ? await compileExample(example) : example, undefined, PARTS);
  prepare?.(project.dir);
  for (const id of EPOCHS) {
    const dir = project.ir.epochs.find((e) => e.id === id)!.dir;
    const r = await runPythonAsync(project.dir, [`${dir}/scripts/run_epoch.py`], { PIPEC_APPROVE: 'all', PIPEC_MLFLOW: '0', ...env });
    expect(r.status, `${example} epoch ${id}\n${describeRun(r)}`).toBe(0);
  }
  const state = JSON.parse(readFileSync(join(project.dir, '.context', 'pipeline_state.json'), 'utf8'));
  expect(state.warnings).toEqual([]);
  // The core modules' tests (epochs 001-004); the modelling tests run in the late-epoch suites.
  const core = ['data_processing', 'feature_engineering', 'validation', 'error_handling'].map(
    (m) => `src/${project.ir.project.name}/tests/test_${m}.py`,
  );
  const tests = await runPythonAsync(project.dir, ['-m', 'pytest', '-p', 'no:cacheprovider', '-rs', ...core], env);
  expect(tests.status, describeRun(tests)).toBe(0);
  // Only synthetic-only tests may skip (file projects); never for want of data.
  expect(tests.stdout).not.toMatch(/is not in the project yet/);
  return { project, facts: (id: string) => state.epochs[id].facts as Record<string, unknown> };
}

describe.runIf(hasPython())('other examples run 001-004 and their package tests', () => {
  it('house-prices: regression with a linear target and noise', { timeout: TIMEOUT }, async () => {
    const { facts } = await runEpochs('house-prices', { PIPEC_ROWS: '2000' });
    expect(facts('002')['data.rows']).toBe(2000);
    expect(facts('002')['data.columns']).toBe(7);
    expect(facts('004')['split.test_rows']).toBe(500);
    // 5 numeric + 2 derived + 3 district levels.
    expect(facts('004')['features.count']).toBe(10);
  });

  it('iris-species: a real CSV file with inferred columns and a 3-class target', { timeout: TIMEOUT }, async () => {
    const { project, facts } = await runEpochs('iris-species', {}, (dir) => {
      // Where a user copies the file: the project's dataset folder (see examples/iris-species/README.md).
      mkdirSync(join(dir, 'data', 'iris_species'), { recursive: true });
      copyFileSync(join(REPO_ROOT, 'examples', 'iris-species', 'data.csv'), join(dir, 'data', 'iris_species', 'data.csv'));
    });
    expect(facts('002')['data.rows']).toBe(150);
    expect(facts('002')['data.columns']).toBe(5);
    expect(facts('002')['data.schema_valid']).toBe(true);
    expect(facts('004')['features.count']).toBe(4);
    expect(facts('004')['split.test_rows']).toBe(30);
    const pipeline = JSON.parse(
      readFileSync(join(project.dir, 'data', 'iris_species', 'epoch004-feature-engineering', 'feature_pipeline.json'), 'utf8'),
    );
    expect(pipeline.target_labels).toEqual(['setosa', 'versicolor', 'virginica']);
  });

  it('unusual shapes: bool and beta columns, int with missing, 3-class synthetic target, ordinal + minmax', { timeout: TIMEOUT }, async () => {
    const ir = variantIr(fixtureIr(), (x) => {
      x.project.name = 'odd_shapes';
      if (x.data.kind !== 'synthetic') throw new Error('fixture must be synthetic');
      x.data.columns.push(
        { name: 'has_mortgage', type: 'bool', distribution: null, categories: null, clip: null, missing: 0 },
        { name: 'share_used', type: 'float', distribution: { kind: 'beta', a: 2, b: 5 }, categories: null, clip: null, missing: 1 },
      );
      x.data.columns.find((c) => c.name === 'age')!.missing = 3;
      x.data.target = {
        name: 'segment',
        kind: 'category',
        generator: { kind: 'categories', categories: [{ value: 'a', share: 50 }, { value: 'b', share: 30 }, { value: 'c', share: 20 }] },
      };
      x.features.encodings = [{ column: 'employment', method: 'ordinal' }];
      x.features.scale = 'minmax';
    });
    const { project, facts } = await runEpochs(ir, { PIPEC_ROWS: '1500' });
    expect(facts('002')['data.columns']).toBe(9);
    // 6 numeric columns + 2 derived, ordinal employment (1 column), one-hot has_mortgage (2 levels).
    expect(facts('004')['features.count']).toBe(11);
    const pipeline = JSON.parse(
      readFileSync(join(project.dir, 'data', 'odd_shapes', 'epoch004-feature-engineering', 'feature_pipeline.json'), 'utf8'),
    );
    expect(pipeline.target_labels).toEqual(['a', 'b', 'c']);
    expect(pipeline.methods).toEqual({ employment: 'ordinal', has_mortgage: 'onehot' });
  });
});
