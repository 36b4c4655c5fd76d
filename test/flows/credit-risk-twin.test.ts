/**
 * Acceptance: the credit-risk example, compiled by the built CLI, runs end to end through its local
 * twin under real flytekit (`pyflyte run`, no --remote) at small rows: all 8 real generated epochs, every
 * gate evaluated and passed, and every node run as a Domino Job would be: in its own fresh working copy,
 * receiving upstream state and files only through its flow inputs, the restores recorded in its lineage.
 * Every output then passes Domino's upload rules (the stand-in copilot), and the final handoff, larger
 * than copilot's 1,024-byte simple-output limit, would have failed as the dict it used to be.
 * Slow (about 5 minutes on 2 busy cores): it trains and serves real models.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from '../cli/helpers.js';
import { HERE, py, REPO, type PyResult } from './helpers.js';

const IDS = ['001', '002', '003', '004', '005', '006', '007', '008'];

describe('credit-risk through the local twin, every node in its own working copy', () => {
  let out: string;
  let runDir: string;
  let run: PyResult;
  /** The folder of node `id` in the run (one attempt each: no retries were needed). */
  const nodeDir = (id: string): string => {
    const dirs = readdirSync(runDir).filter((d) => d.startsWith(`${id}-`));
    expect(dirs).toHaveLength(1);
    return join(runDir, dirs[0] as string);
  };
  const json = (path: string): any => JSON.parse(readFileSync(path, 'utf8'));

  beforeAll(async () => {
    const base = mkdtempSync(join(tmpdir(), 'pipec-flows-cr-'));
    out = join(base, 'credit_risk');
    runDir = join(base, 'run');
    const c = runCli(['compile', join(REPO, 'examples/credit-risk/project.pipeline'), '--out', out]);
    if (c.code !== 0) throw new Error(`compile failed: ${c.stdout}${c.stderr}`);
    run = await py([join(REPO, '.venv/bin/pyflyte'), 'run', 'flows/credit_risk_flow_local.py', 'credit_risk_flow', '--rows', '2000', '--approve', 'all'], {
      cwd: out,
      env: { FLYTE_SDK_LOGGING_LEVEL: '40', PIPEC_API_REQUESTS: '30', PIPEC_TWIN_RUN_DIR: runDir },
      timeout: 1_200_000,
    });
  }, 1_260_000);

  it('runs the 8 epochs in dependency order with every gate passed', () => {
    expect(run.status, `${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`).toBe(0);
    const done = [...run.stdout.matchAll(/epoch (\d{3}) completed: gate passed/g)].map((m) => m[1]);
    expect(done).toEqual(IDS);
  });

  it('ran each node in a fresh copy: the checkout itself was never written to', () => {
    for (const id of IDS) expect(existsSync(join(nodeDir(id), 'work/flows/run_node.py'))).toBe(true);
    expect(existsSync(join(out, 'data'))).toBe(false);
    expect(existsSync(join(out, 'artifacts'))).toBe(false);
    const state = json(join(out, '.context/pipeline_state.json'));
    for (const id of IDS) expect(state.epochs[id].status).toBe('pending');
  });

  it('restored upstream files and records from the flow inputs, visible in each node\'s lineage', () => {
    const lineage = json(join(nodeDir('006'), 'work/.context/data_lineage.json'));
    // Model testing reads the feature split of 004, which is not its direct prerequisite.
    expect(lineage.source_data['flow_input:006:bundle_004']).toMatchObject({ kind: 'upstream_bundle', upstream_epoch: '004', restored: true });
    expect(lineage.source_data['flow_input:006:bundle_004'].files).toBeGreaterThan(0);
    expect(lineage.source_data['flow_input:006:bundle_005']).toMatchObject({ restored: true });
    expect(lineage.source_data['flow_input:006:handoffs'].seeded_epochs).toEqual(['001', '002', '003', '004', '005']);
    // Upstream lineage (004's feature provenance) arrived with the bundles; 006's compliance check reads it.
    expect(Object.keys(lineage.feature_provenance)).toContain('credit_utilization');
    expect(existsSync(join(nodeDir('006'), 'work/data/credit_risk/epoch004-feature-engineering'))).toBe(true);
  });

  it('hands the row override, the facts and the published file locations down the DAG', () => {
    const final = json(join(nodeDir('008'), 'workflow/outputs/handoff'));
    expect(Object.keys(final.epochs)).toEqual(IDS);
    expect(final.epochs['002'].facts['data.rows']).toBe(2000);
    expect(final.epochs['002'].files).toEqual({ data: 'data:synthetic_data.parquet' });
    expect(final.epochs['004'].files).toEqual({ features: 'data:engineered_features.parquet' });
    expect(final.epochs['005'].files).toEqual({ model: 'artifacts:final_model.skops' });
    expect(final.epochs['008'].files.report).toMatch(/^artifacts:[^/]+\.md$/);
  });

  it('every output passes Domino\'s upload as declared; the final handoff would not as a simple value', async () => {
    const handoff = join(nodeDir('008'), 'workflow/outputs/handoff');
    expect(statSync(handoff).size).toBeGreaterThan(1024);
    const outputs = IDS.map((id) => join(nodeDir(id), 'workflow/outputs'));
    const r = await py(['-c', [
      'import os, sys',
      `sys.path.insert(0, ${JSON.stringify(join(HERE, 'domino_standin'))})`,
      'from flytekitplugins.domino import copilot',
      `for d in ${JSON.stringify(outputs)}:`,
      '    copilot.upload(d, {name: "blob" for name in os.listdir(d)})',
      `copilot.upload(os.path.dirname(${JSON.stringify(handoff)}), {"handoff": "simple"})`,
    ].join('\n')]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/maximum allowed filesize is \[1024\], but found \[\d+\]/);
    expect(r.stderr).not.toContain('file not found');
  });
});
