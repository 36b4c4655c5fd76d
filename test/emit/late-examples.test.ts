/**
 * The two other example shapes run end to end through epoch 008: house prices (regression, synthetic
 * data with a linear target) and iris species (multiclass, a real CSV file, no tuning). Smaller than
 * the credit-risk run (late-pipeline.test.ts): only completion, the problem-specific artifacts and the
 * API are asserted here.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectBelowOracle } from '../helpers/oracle.js';
import { expectWithinDeep, runDeep } from '../helpers/deep.js';
import { describeRun, fixtureIr, generateProject, hasPython, REPO_ROOT, runPythonAsync, variantIr } from '../helpers/generate-project.js';

function readJson(path: string): any {
  return JSON.parse(readFileSync(path, 'utf8'));
}

describe.skipIf(!hasPython()).each([
  { example: 'house-prices', rows: '1500', source: '' },
  { example: 'iris-species', rows: '', source: 'data.csv' },
])('$example: epochs 001-008 run for real', ({ example, rows, source }) => {
  it('completes every epoch with its gate passing and the late artifacts in place', async () => {
    // Latency objectives describe deployment hardware, not a shared CI box (see late-pipeline.test.ts).
    const ir = variantIr(fixtureIr(example), (v) => {
      if (v.deploy.api) v.deploy.api.latencyP95Seconds = 2;
      for (const e of v.epochs) for (const g of e.gate) if (g.fact === 'api.latency_p95') g.value = 2;
    });
    const project = await generateProject(ir);
    const env: Record<string, string> = {
      PIPEC_APPROVE: ir.epochs.filter((e) => e.review).map((e) => e.id).join(','),
      PIPEC_N_JOBS: '1',
      PIPEC_API_REQUESTS: '20',
      ...(rows ? { PIPEC_ROWS: rows } : {}),
      // File data: the example ships its CSV beside the spec (what `pipec compile` records as the source).
      ...(source ? { PIPEC_SOURCE_DATA: join(REPO_ROOT, 'examples', example, source) } : {}),
    };
    for (const epoch of ir.epochs) {
      const r = await runPythonAsync(project.dir, [`${epoch.dir}/scripts/run_epoch.py`], env, 540_000);
      expect(r.status, `epoch ${epoch.id}\n${describeRun(r)}`).toBe(0);
    }
    const dir = (id: string) => join(project.dir, 'artifacts', ir.epochs.find((e) => e.id === id)?.dir ?? id);
    const info = readJson(join(dir('005'), 'best_model_info.json'));
    expect(Object.keys(info.metrics)).toEqual(expect.arrayContaining(ir.project.metrics));
    expect(info.problem).toBe(ir.project.problem);
    // Synthetic data: no model beats the formula that generated it (file data has no oracle).
    if (ir.data.kind === 'synthetic') expectBelowOracle(ir, Number(rows), info.metrics);
    if (ir.project.problem === 'classification') expect(info.classes.length).toBeGreaterThan(2);
    // `pipec check --deep` on the data this run used predicts intervals that hold what the run reached.
    if (ir.data.kind === 'file') {
      const spec = join(REPO_ROOT, 'examples', example, 'project.pipeline');
      expectWithinDeep(example, runDeep(spec, readFileSync(spec, 'utf8')), info.metrics);
    } else {
      const folder = mkdtempSync(join(tmpdir(), 'pipec-deep-spec-'));
      copyFileSync(join(project.dir, 'data', ir.project.name, ir.epochs.find((e) => e.id === '002')!.dir, 'synthetic_data.parquet'), join(folder, 'data.parquet'));
      const text = `project ${ir.project.name}_file {\n  problem ${ir.project.problem}\n  target ${ir.data.target.name}\n  metric ${ir.project.metric}\n` +
        `  use lifecycle.domino_standard\n  data file "data.parquet" {\n    target ${ir.data.target.name} ${ir.data.target.kind}\n  }\n` +
        `  features {\n    split test ${ir.features.split.testPercent}% seed ${ir.features.split.seed}\n  }\n}\n`;
      writeFileSync(join(folder, 'project.pipeline'), text);
      expectWithinDeep(example, runDeep(join(folder, 'project.pipeline'), text), info.metrics);
    }
    const tuning = readJson(join(dir('005'), 'tuning_summary.json'));
    expect(tuning.tuned).toBe(ir.models.tune !== null);
    const latency = readJson(join(dir('007'), 'api_latency.json'));
    expect(latency.healthy).toBe(true);
    expect(latency.sample_response.prediction).toBeDefined();
    expect(readJson(join(dir('007'), 'app_test.json')).functional).toBe(true);
    const retro = readJson(join(dir('008'), 'retrospective.json'));
    expect(retro.epochs.every((e: { status: string }) => e.status === 'completed')).toBe(true);
  }, 2_400_000);
});
