/**
 * Acceptance: the credit-risk example, compiled by the built CLI, runs end to end through its local
 * twin under real flytekit (`pyflyte run`, no --remote) at small rows: all 8 real generated epochs,
 * every gate evaluated and passed, each published deliverable handed to the next node by the bridge.
 * Slow (about 4 minutes on 2 busy cores): it trains and serves real models.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from '../cli/helpers.js';
import { py, REPO, type PyResult } from './helpers.js';

describe('credit-risk through the local twin', () => {
  let out: string;
  let run: PyResult;
  beforeAll(async () => {
    ensureBuilt();
    out = join(mkdtempSync(join(tmpdir(), 'pipec-flows-cr-')), 'credit_risk');
    const c = runCli(['compile', join(REPO, 'examples/credit-risk/project.pipeline'), '--out', out]);
    if (c.code !== 0) throw new Error(`compile failed: ${c.stdout}${c.stderr}`);
    run = await py([join(REPO, '.venv/bin/pyflyte'), 'run', 'flows/credit_risk_flow_local.py', 'credit_risk_flow', '--rows', '2000', '--approve', 'all'], {
      cwd: out,
      env: { FLYTE_SDK_LOGGING_LEVEL: '40', PIPEC_API_REQUESTS: '30' },
      timeout: 900_000,
    });
  }, 960_000);

  it('runs the 8 epochs in dependency order with every gate passed', () => {
    expect(run.status, `${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`).toBe(0);
    const done = [...run.stdout.matchAll(/epoch (\d{3}) completed: gate passed/g)].map((m) => m[1]);
    expect(done).toEqual(['001', '002', '003', '004', '005', '006', '007', '008']);
  });

  it('hands the row override, the facts and the published files down the DAG', () => {
    // The final handoff (workflow output) carries every epoch's record; --rows reached epoch 002.
    expect(run.stdout).toContain("'data.rows': 2000");
    expect(run.stdout).toContain("'files': {'data': 'data:synthetic_data.parquet'}");
    expect(run.stdout).toContain("'files': {'features': 'data:engineered_features.parquet'}");
    expect(run.stdout).toContain("'files': {'model': 'artifacts:final_model.joblib'}");
    expect(run.stdout).toMatch(/'files': \{'report': 'artifacts:[^']+\.md'\}/);
  });
});
