/**
 * The local twin run end to end through real flytekit (`pyflyte run flows/<p>_flow_local.py <wf>`,
 * no --remote): every node runs its command (`python flows/run_node.py <id>`) through the job I/O
 * bridge, in dependency order, and the workflow's outputs carry every epoch's record.
 *
 * This suite uses TEST-ONLY stand-in epoch scripts (test/flows/helpers.ts `standInScript`, real runtime,
 * tiny parquet files) so it checks the flow machinery in about a minute; test/flows/credit-risk-twin.test.ts
 * runs the real generated credit-risk epochs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { topoOrder } from '../../src/ir/dag.js';
import { fixtureIr } from './fixture-ir.js';
import { py, type PyResult, REPO, renderFlows, standInProject, writeProject } from './helpers.js';

const PYFLYTE = join(REPO, '.venv/bin/pyflyte');

describe('local twin under pyflyte run (stand-in epoch scripts)', () => {
  const ir = fixtureIr({ withCustom: true });
  let dir: string;
  let run: PyResult;
  beforeAll(async () => {
    const others = standInProject(ir);
    dir = writeProject([...others, ...renderFlows(ir, others)]);
    run = await py([PYFLYTE, 'run', 'flows/credit_risk_flow_local.py', 'credit_risk_flow', '--rows', '37', '--approve', 'all'], {
      cwd: dir,
      env: { PIPEC_MLFLOW: '0', FLYTE_SDK_LOGGING_LEVEL: '40' },
      timeout: 600_000,
    });
  }, 620_000);

  it('runs every epoch once, in dependency order, and succeeds', () => {
    expect(run.status, run.stderr).toBe(0);
    const order = [...run.stdout.matchAll(/epoch (\d{3}) completed/g)].map((m) => m[1]);
    expect(order).toEqual(topoOrder(ir));
  });

  it('returns every sink handoff with the records of all its upstream epochs', () => {
    const state = JSON.parse(readFileSync(join(dir, '.context/pipeline_state.json'), 'utf8'));
    for (const e of ir.epochs) expect(state.epochs[e.id].status).toBe('completed');
    // The workflow input --rows reached epoch 002 through PIPEC_ROWS (its stand-in records it).
    expect(state.epochs['002'].facts['data.rows']).toBe(37);
    expect(run.stdout).toContain("handoff_008={'epochs': {'001'");
    expect(run.stdout).toContain("'009': {'facts': {'fact009.done': True}");
  });

  it('published the declared files through the bridge (stand-ins write where the real epochs do)', () => {
    expect(existsSync(join(dir, 'data/credit_risk/epoch002-data-wrangling/synthetic_data.parquet'))).toBe(true);
    expect(existsSync(join(dir, 'artifacts/epoch005-model-development/final_model.joblib'))).toBe(true);
  });

  it('a failing epoch stops the flow with its exit code and the downstream nodes never run', async () => {
    const broken = fixtureIr();
    const others = standInProject(broken).map((f) =>
      f.path.startsWith('epoch003-') ? { ...f, contents: 'import sys\nsys.exit(1)\n' } : f,
    );
    const d = writeProject([...others, ...renderFlows(broken, others)]);
    const r = await py([PYFLYTE, 'run', 'flows/credit_risk_flow_local.py', 'credit_risk_flow', '--rows', '5', '--approve', 'all'], {
      cwd: d,
      env: { PIPEC_MLFLOW: '0' },
      timeout: 600_000,
    });
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toContain('epoch 003 failed (exit 1): python flows/run_node.py 003');
    expect(r.stdout).not.toContain('epoch 004 completed');
  }, 620_000);
});
