/** The closing summary of `pipec run`: key metrics (primary first) and the commands to open what the run made. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closingSummary, keyMetrics } from '../../src/runner/summary.js';
import type { PipelineState } from '../../src/runner/project.js';
import { fixtureIr } from '../helpers/generate-project.js';

const ir = fixtureIr('credit-risk');
const state: PipelineState = {
  epochs: {
    '005': { status: 'completed', facts: { 'metric.accuracy': 0.79833, 'metric.f1_score': 0.72311, 'model.trained': true } },
    '006': { status: 'completed', facts: { 'testing.complete': true } },
  },
  blockers: [],
  warnings: [],
};

describe('closing summary', () => {
  it('shows the metrics of the last epoch that recorded any, the primary metric first', () => {
    expect(keyMetrics(ir, state)).toEqual({ epoch: '005', metrics: [['f1_score', 0.72311], ['accuracy', 0.79833]] });
  });

  it('prints the exact commands for the app, the API and the MLflow UI when their files exist', () => {
    const parent = mkdtempSync(join(tmpdir(), 'pipec-summary-'));
    const root = join(parent, 'out');
    const app = ir.epochs.find((e) => e.id === '007')?.dir ?? '';
    mkdirSync(join(root, app, 'app'), { recursive: true });
    mkdirSync(join(root, 'src', 'credit_risk'), { recursive: true });
    writeFileSync(join(root, app, 'app', 'app.sh'), '');
    writeFileSync(join(root, 'src', 'credit_risk', 'serving.py'), '');
    writeFileSync(join(root, 'mlruns.db'), '');
    const lines = closingSummary(ir, state, root, '/opt/py env/bin/python', parent);
    expect(lines).toEqual([
      'key metrics (epoch 005): f1_score 0.7231 · accuracy 0.7983',
      'open what this run produced:',
      `  app:       bash out/${app}/app/app.sh    # http://localhost:8888`,
      "  API:       (cd out && PYTHONPATH=src '/opt/py env/bin/python' -m credit_risk.serving)    # http://127.0.0.1:8000/docs",
      `  MLflow UI: '/opt/py env/bin/python' -m mlflow ui --backend-store-uri sqlite:///${root}/mlruns.db --port 5000    # http://localhost:5000`,
      'library output of each epoch: out/.context/logs/epochNNN.log (pipec run --verbose shows it live)',
    ]);
    // Outside the working folder: absolute paths, never ../.. chains.
    expect(closingSummary(ir, state, root, 'python3', join(parent, 'elsewhere')).join('\n')).toContain(`bash ${root}/${app}/app/app.sh`);
  });
});
