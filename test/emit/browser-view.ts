/**
 * What a person sees of a generated project that has run all its epochs, checked in Chromium (see
 * test/helpers/browser.ts): the Streamlit app's form and prediction (class label, probability,
 * decision threshold, the served model's name/version/alias), its pages, its layout at 1280 and 800
 * px, the MLflow UI's registered model version (aliases, description, tags) and the standalone HTML
 * EDA report with every image loaded. Screenshots: test-output/screenshots/<name>/.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Ir } from '../../src/ir/schema.js';
import { checkInBrowser, SCREENSHOTS, type BrowserSeen, type Layout } from '../helpers/browser.js';

/** The layout holds: nothing scrolls sideways, the sidebar sits at the left, the main area is usable. */
function expectSoundLayout(l: Layout, minMain: number): void {
  expect(l.scrollWidth, JSON.stringify(l)).toBeLessThanOrEqual(l.viewport);
  expect(l.main?.width ?? 0, JSON.stringify(l)).toBeGreaterThanOrEqual(minMain);
  if (l.sidebar && l.sidebar.width > 50) expect(l.sidebar.left, JSON.stringify(l)).toBeLessThan(10);
}

/**
 * The batch table reads as the single prediction does: the class label (never a bare 0/1) and the
 * probability of THAT class, in %, consistent with the decision threshold shown above it (a row
 * labelled positive has P >= threshold, a negative one P(negative) >= 1 - threshold).
 */
function expectBatchReadsLikeOnePrediction(seen: BrowserSeen, target: string, threshold: number): void {
  const { columns, rows } = seen.app.batch;
  expect(columns.slice(0, 2)).toEqual(['predicted class', 'probability']);
  expect(seen.app.batch_rule).toBe(`decision threshold ${threshold.toFixed(3)} on P(${target} = 1)`);
  expect(rows.length).toBeGreaterThan(3);
  for (const [label = '', probability] of rows) {
    expect(label).toMatch(new RegExp(`^${target} = [01]$`));
    const pct = Number(probability);
    expect(pct).toBeGreaterThanOrEqual(0);
    expect(pct).toBeLessThanOrEqual(100);
    const floor = label.endsWith('= 1') ? threshold : 1 - threshold;
    // The threshold on screen is rounded to 3 decimals: 0.05 percentage points of slack.
    expect(pct, `${label} at ${probability}%`).toBeGreaterThanOrEqual(floor * 100 - 0.05);
  }
}

/** Runs the browser check on `projectDir` (epochs done, `production` set) and asserts what it saw. */
export async function expectWhatAPersonSees(projectDir: string, ir: Ir, productionVersion: string): Promise<void> {
  const app = ir.epochs.find((e) => e.id === '007');
  const eda = ir.epochs.find((e) => e.id === '003');
  if (!app || !eda) throw new Error('the project has no epochs 003 and 007');
  const name = ir.project.name.replace(/_/g, '-');
  const model = `${ir.project.name}_model`;
  const seen = await checkInBrowser({
    projectDir,
    appDir: join(app.dir, 'app'),
    model,
    edaReport: join(projectDir, 'artifacts', eda.dir, 'tracking', 'eda_report.html'),
    name,
    inputs: { age: 61 },
  });
  // eslint-disable-next-line no-console
  console.log(`browser: app first render ${seen.app.first_render_s}s, prediction round-trip ${seen.app.prediction_s}s`);

  expect(seen.app.served).toEqual([model, productionVersion, 'production']);
  const p = seen.app.prediction;
  expect(p.label).toMatch(new RegExp(`^${ir.data.target.name} = [01]$`));
  expect(p.probability).toBeGreaterThan(0);
  expect(p.probability).toBeLessThanOrEqual(100);
  expect(p.threshold).toBeGreaterThan(0);
  expect(p.threshold).toBeLessThan(1);
  expectBatchReadsLikeOnePrediction(seen, ir.data.target.name, p.threshold);
  // The typed value reached the form: an integer column shows an integer.
  expect(seen.app.input_types.find(([label]) => label === 'age')?.[3]).toBe('61');

  expect(seen.app.pages['Model performance']).toContain(ir.project.metric);
  expect(seen.app.pages['Monitoring']).toContain('Drift of served inputs');
  // The request panel reads the live request log: counts and the p95 model latency in its unit.
  expect(seen.app.pages['Monitoring']).toMatch(/served\s+[1-9]\d*\s+rejected\s+\d+\s+p95 model latency\s+[\d.]+ (ms|s)\b/);
  expect(seen.app.pages['Retrospective']).toContain('Estimates vs actuals');
  // The testing epoch's figures on the performance page all load.
  expect(seen.app.broken_images['Model performance']).toEqual([]);
  expectSoundLayout(seen.app.layout_1280, 700);
  expectSoundLayout(seen.app.layout_800, 450);

  expect(seen.mlflow.version).toBe(productionVersion);
  expect(seen.mlflow.version_page).toContain('production');
  expect(seen.mlflow.version_page).toContain('pipec.spec_hash');
  expect(seen.mlflow.version_page).toContain('Registered by epoch 005');

  expect(seen.eda.images.map((i) => i.alt)).toEqual(['distributions.png', 'missing_heatmap.png', 'correlations.png', 'outliers.png', 'target.png']);
  for (const img of seen.eda.images) expect(img.width, img.alt).toBeGreaterThan(100);

  for (const shot of ['app-1280.png', 'app-prediction-1280.png', 'app-800.png', 'mlflow-model-version.png', 'eda-report.png']) {
    expect(seen.screenshots).toContain(shot);
    expect(existsSync(join(SCREENSHOTS, name, shot)), shot).toBe(true);
  }
}
