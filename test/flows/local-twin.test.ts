/**
 * The local twin run end to end through real flytekit (`pyflyte run flows/<p>_flow_local.py <wf>`,
 * no --remote): every node runs its command (`python flows/run_node.py <id>`) through the job I/O
 * bridge, in dependency order, each in its own fresh working copy, and the workflow's outputs carry
 * every epoch's record.
 *
 * This suite uses TEST-ONLY stand-in epoch scripts (test/flows/helpers.ts `standInScript`, real runtime,
 * tiny parquet files) so it checks the flow machinery in about a minute; test/flows/credit-risk-twin.test.ts
 * runs the real generated credit-risk epochs.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { topoOrder } from '../../src/ir/dag.js';
import { fixtureIr } from './fixture-ir.js';
import { py, type PyResult, REPO, renderFlows, standInProject, writeProject } from './helpers.js';

const PYFLYTE = join(REPO, '.venv/bin/pyflyte');

describe('local twin under pyflyte run (stand-in epoch scripts)', () => {
  const ir = fixtureIr({ withCustom: true });
  let dir: string;
  let runDir: string;
  let run: PyResult;
  /** Node `id`'s folder in the run: `work/` (its working copy) and `workflow/` (inputs, outputs). */
  const nodeDir = (id: string): string => join(runDir, readdirSync(runDir).find((d) => d.startsWith(`${id}-`)) as string);
  beforeAll(async () => {
    const others = standInProject(ir);
    dir = writeProject([...others, ...renderFlows(ir, others)]);
    runDir = mkdtempSync(join(tmpdir(), 'pipec-twin-run-'));
    run = await py([PYFLYTE, 'run', 'flows/credit_risk_flow_local.py', 'credit_risk_flow', '--rows', '37', '--approve', 'all'], {
      cwd: dir,
      env: { PIPEC_MLFLOW: '0', FLYTE_SDK_LOGGING_LEVEL: '40', PIPEC_TWIN_RUN_DIR: runDir },
      timeout: 600_000,
    });
  }, 620_000);

  it('runs every epoch once, in dependency order, and succeeds', () => {
    expect(run.status, run.stderr).toBe(0);
    const order = [...run.stdout.matchAll(/epoch (\d{3}) completed/g)].map((m) => m[1]);
    expect(order).toEqual(topoOrder(ir));
  });

  it('returns every sink handoff (a JSON file) with the records of all its upstream epochs', () => {
    const handoff = (id: string) => JSON.parse(readFileSync(join(nodeDir(id), 'workflow/outputs/handoff'), 'utf8'));
    const h008 = handoff('008');
    for (const e of ir.epochs.filter((x) => x.id !== '009')) expect(h008.epochs[e.id].status).toBe('completed');
    // The workflow input --rows reached epoch 002 through PIPEC_ROWS (its stand-in records it).
    expect(h008.epochs['002'].facts['data.rows']).toBe(37);
    expect(handoff('009').epochs['009'].facts).toEqual({ 'fact009.done': true });
    expect(run.stdout).toMatch(/handoff_008=.*handoff/);
  });

  it('ran every node in its own copy; upstream files arrived through the bridge, never the checkout', () => {
    expect(existsSync(join(dir, 'data'))).toBe(false);
    expect(existsSync(join(nodeDir('002'), 'work/data/credit_risk/epoch002-data-wrangling/synthetic_data.parquet'))).toBe(true);
    // 008 got 005's model from 005's bundle (a transitive prerequisite's output), and says so in its lineage.
    expect(existsSync(join(nodeDir('008'), 'work/artifacts/epoch005-model-development/final_model.skops'))).toBe(true);
    const lineage = JSON.parse(readFileSync(join(nodeDir('008'), 'work/.context/data_lineage.json'), 'utf8'));
    expect(lineage.source_data['flow_input:008:bundle_005']).toMatchObject({ kind: 'upstream_bundle', restored: true, files: 1 });
  });

  it('a failing epoch stops the flow with its exit code and the downstream nodes never run', async () => {
    const broken = fixtureIr();
    const others = standInProject(broken).map((f) =>
      f.path.startsWith('epoch003-') ? { ...f, contents: 'import sys\nsys.exit(1)\n' } : f,
    );
    const d = writeProject([...others, ...renderFlows(broken, others)]);
    const r = await py([PYFLYTE, 'run', 'flows/credit_risk_flow_local.py', 'credit_risk_flow', '--rows', '5', '--approve', 'all'], {
      cwd: d,
      env: { PIPEC_MLFLOW: '0', PIPEC_TWIN_RUN_DIR: mkdtempSync(join(tmpdir(), 'pipec-twin-run-')) },
      timeout: 600_000,
    });
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toContain('epoch 003 failed (exit 1): python flows/run_node.py 003');
    expect(r.stdout).not.toContain('epoch 004 completed');
  }, 620_000);
});
