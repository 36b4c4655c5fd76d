/**
 * The generated Domino flow against the STRICT stand-in of Domino's plugin (test/flows/domino_standin, real
 * signatures, ids validated where Domino validates them): each way a real deployment rejects a flow fails
 * here with the message a Domino user would see; ids reach DominoJobConfig, names reach
 * run_domino_job_task; each plugin module has its own import guard; GitRef is typed as the real API; and
 * `python -m pipec_runtime.doctor` finds every keyword the flow passes in the stand-in's signatures.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Ir } from '../../src/ir/schema.js';
import { fixtureIr } from './fixture-ir.js';
import { HERE, inspectFailure, inspectFlow, py, REPO, renderFlows, standInProject, writeProject } from './helpers.js';

/** Writes the project for `ir`, optionally editing the Domino flow's text as a user might; returns its path. */
function flowFor(ir: Ir, edit: (text: string) => string = (t) => t): string {
  const others = standInProject(ir);
  const files = renderFlows(ir, others).map((f) => (f.path.endsWith('_flow.py') ? { ...f, contents: edit(f.contents) } : f));
  return join(writeProject([...others, ...files]), `flows/${ir.project.name}_flow.py`);
}

const node = (r: any, id: string) => r.nodes.find((n: any) => n.task.includes(`.epoch${id}_`));

describe('strict stand-in: what a real Domino deployment rejects fails here, with its message', async () => {
  it('a display name in an id field fails job property resolution', async () => {
    const tier = fixtureIr({ domino: 'ids' });
    tier.domino.tiers.small = 'Small'; // given with `id`, but a display name (the compiler reports PC8102)
    expect(await inspectFailure(flowFor(tier))).toContain("Failed to resolve job properties (StatusCode 400): hardwareTierId 'Small' does not exist");
    const env = fixtureIr({ domino: 'ids' });
    env.domino.environment = 'Domino Standard Environment Py3.11';
    expect(await inspectFailure(flowFor(env))).toContain(
      "Failed to resolve job properties (StatusCode 400): environmentId 'Domino Standard Environment Py3.11' is not a valid ObjectId");
  });

  it('an unknown keyword is a TypeError naming it, in DominoJobConfig, DominoJobTask and run_domino_job_task', async () => {
    const ids = fixtureIr({ domino: 'ids' });
    expect(await inspectFailure(flowFor(ids, (t) => t.replace('"HardwareTierId": tier["value"]', '"HardwareTier": tier["value"]'))))
      .toContain("DominoJobConfig.__init__() got an unexpected keyword argument 'HardwareTier'");
    expect(await inspectFailure(flowFor(ids, (t) => t.replace('use_latest=USE_LATEST,', 'use_latests=USE_LATEST,'))))
      .toContain("DominoJobTask.__init__() got an unexpected keyword argument 'use_latests'");
    const names = fixtureIr();
    expect(await inspectFailure(flowFor(names, (t) => t.replace('hardware_tier_name=', 'hardware_tier='))))
      .toContain("run_domino_job_task() got an unexpected keyword argument 'hardware_tier'");
  });

  it('a handoff over 1 KiB fails the output upload when simple-typed, and uploads as the FlyteFile the flow declares', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pipec-copilot-'));
    writeFileSync(join(dir, 'handoff'), JSON.stringify({ epochs: { '001': { facts: { notes: 'n'.repeat(1500) } } } }));
    const upload = (kind: string) => py(['-c', [
      'import sys',
      `sys.path.insert(0, ${JSON.stringify(join(HERE, 'domino_standin'))})`,
      'from flytekitplugins.domino import copilot',
      `copilot.upload(${JSON.stringify(dir)}, {"handoff": ${JSON.stringify(kind)}})`,
    ].join('\n')]);
    const simple = await upload('simple');
    expect(simple.status).not.toBe(0);
    expect(simple.stderr).toMatch(/maximum allowed filesize is \[1024\], but found \[\d{4}\]/);
    expect((await upload('blob')).status).toBe(0);
  });
});

describe('strict stand-in: what the flow passes', async () => {
  it('ids reach DominoJobConfig; display names reach run_domino_job_task (mixed specs pass the id to the helper)', async () => {
    const ids = await inspectFlow(flowFor(fixtureIr({ domino: 'ids' })), 'standin');
    expect(node(ids, '005').config).toMatchObject({ EnvironmentId: '6549a5b4c7d2e1f0a9b8c7d6', HardwareTierId: 'large-k8s', Title: '005 model development' });
    expect(node(ids, '005').helper_call).toBeNull();
    expect([node(ids, '005').retries, node(ids, '005').timeout]).toEqual([2, 3600]);

    const names = await inspectFlow(flowFor(fixtureIr()), 'standin');
    expect(node(names, '005').helper_call).toMatchObject({ environment_name: 'Domino Standard Environment Py3.11', hardware_tier_name: 'Large' });
    // Retries and timeout reach the helper nodes as flytekit node overrides.
    expect([node(names, '005').retries, node(names, '005').timeout]).toEqual([2, 3600]);

    const mixed = fixtureIr({ domino: 'ids' });
    mixed.domino.tierIds = ['large', 'medium'];
    mixed.domino.tiers.small = 'Small';
    const m = await inspectFlow(flowFor(mixed), 'standin');
    expect(node(m, '001').helper_call).toMatchObject({ environment_id: '6549a5b4c7d2e1f0a9b8c7d6', hardware_tier_name: 'Small' });
    expect(node(m, '002').helper_call).toBeNull();
  });

  it('GitRef is built with the real field names for tags, commits and branches', async () => {
    for (const [ref, expected] of [
      ['tags/v1.2', { Type: 'tags', Value: 'v1.2' }],
      ['a'.repeat(40), { Type: 'commitId', Value: 'a'.repeat(40) }],
      ['main', { Type: 'branches', Value: 'main' }],
      ['head', { Type: 'head', Value: null }],
    ] as const) {
      const ir = fixtureIr({ domino: 'ids' });
      ir.domino.gitRef = ref;
      expect(node(await inspectFlow(flowFor(ir), 'standin'), '002').config.MainRepoGitRef).toEqual(expected);
    }
  });

  it('each plugin module has its own import guard and message', async () => {
    const plugin = join(mkdtempSync(join(tmpdir(), 'pipec-plugin-')), 'p');
    cpSync(join(HERE, 'domino_standin'), plugin, { recursive: true });
    rmSync(join(plugin, 'flytekitplugins/domino/helpers.py'));
    const names = await inspectFlow(flowFor(fixtureIr()), 'standin', { PIPEC_STANDIN_PATH: plugin });
    expect(names.plugin_error).toMatch(/^flytekitplugins\.domino is installed but its helpers module cannot be imported/);
    // A flow that needs only the task and artifact modules does not care.
    const ids = await inspectFlow(flowFor(fixtureIr({ domino: 'ids' })), 'standin', { PIPEC_STANDIN_PATH: plugin });
    expect(ids.plugin_error).toBeNull();
    const absent = await inspectFlow(flowFor(fixtureIr()), 'absent');
    expect(absent.plugin_error).toMatch(/^flytekitplugins\.domino is not installed/);
  });

  it('pipec_runtime.doctor finds every keyword the flow passes in the stand-in', async () => {
    for (const ir of [fixtureIr(), fixtureIr({ domino: 'ids' })]) {
      ir.domino.gitRef = 'tags/v1';
      ir.domino.volumeSizeGiB = 20;
      const project = join(flowFor(ir), '../..');
      const plan = JSON.parse(readFileSync(join(project, 'flows/flow_io.json'), 'utf8'));
      expect(Object.keys(plan.pluginApi).length).toBeGreaterThan(3);
      const r = await py(['-m', 'pipec_runtime.doctor'], {
        cwd: project,
        env: { PYTHONPATH: `${join(REPO, 'runtime/python')}:${join(HERE, 'domino_standin')}` },
      });
      expect(r.stdout).toContain('everything the flow uses matches');
      expect(r.status).toBe(0);
    }
  });
});
