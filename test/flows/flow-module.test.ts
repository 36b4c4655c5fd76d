/**
 * The generated flow modules under real flytekit: the Domino flow imports with the plugin absent, and,
 * with the strict stand-in of the plugin (test/flows/domino_standin), compiles to a workflow whose DAG
 * edges, commands, tiers, cache settings and typed I/O equal the IR's; ids reach DominoJobConfig and
 * display names reach run_domino_job_task. The local twin compiles to the same DAG.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { epochCacheKeys } from '../../src/ir/cache-keys.js';
import { topoOrder, upstreamOf } from '../../src/ir/dag.js';
import { IrSchema, type Ir } from '../../src/ir/schema.js';
import { inputsOf, outputsOf } from '../../src/emit/flows/handoff.js';
import { nodeCommand, nodeMode, taskVar } from '../../src/emit/flows/flow-view.js';
import type { OutputFile } from '../../src/emit/types.js';
import { fixtureIr } from './fixture-ir.js';
import { inspectFlow, REPO, renderFlows, standInProject, writeProject } from './helpers.js';

const creditRisk = (): Ir => IrSchema.parse(JSON.parse(readFileSync(join(REPO, 'test/fixtures/credit-risk.ir.json'), 'utf8')));

/** Flyte type name the inspector prints for a flow type (Artifact files carry their declaration). */
function expectedType(o: { type: string; artifact?: { kind: string; name: string; fileName: string } | null }, title: string): string {
  const base = { file: 'FlyteFile', dict: 'dict', str: 'str', int: 'int', bool: 'bool' }[o.type] as string;
  if (!o.artifact) return base;
  return `${base}@${JSON.stringify({ artifact: `${title}: ${o.artifact.name}`, file: o.artifact.fileName, type: o.artifact.kind })
    .replace(/","/g, '", "').replace(/":"/g, '": "')}`;
}

const CASES: [string, () => Ir][] = [
  ['credit-risk IR, display names', creditRisk],
  ['fixture with a user-defined epoch, display names', () => fixtureIr({ withCustom: true })],
  ['fixture with a user-defined epoch, ids', () => fixtureIr({ withCustom: true, domino: 'ids' })],
];

for (const [label, make] of CASES) {
  describe(`generated flow (${label})`, () => {
    const ir = make();
    let others: OutputFile[];
    let dir: string;
    let keys: Record<string, string>;
    let fake: any;
    beforeAll(async () => {
      others = standInProject(ir);
      keys = epochCacheKeys(ir, others);
      dir = writeProject([...others, ...renderFlows(ir, others)]);
      fake = await inspectFlow(join(dir, `flows/${ir.project.name}_flow.py`), 'standin');
    });

    it('imports with the plugin absent, and only running it explains what is missing', async () => {
      const r = await inspectFlow(join(dir, `flows/${ir.project.name}_flow.py`), 'absent');
      expect(r.plugin_error).toMatch(/^flytekitplugins\.domino is not installed/);
      expect(r.call).toBe(r.plugin_error);
      expect(Object.keys(r.NODES)).toEqual(topoOrder(ir));
    });

    it('has one node per epoch, in dependency order, fed by every (transitive) prerequisite', () => {
      const names = fake.nodes.map((n: any) => n.task);
      expect(names).toEqual(topoOrder(ir).map((id) => `${ir.project.name}.${taskVar(ir.epochs.find((e) => e.id === id)!)}`));
      const idOf = (task: string) => (task.match(/\.epoch(\d{3})_/) as RegExpMatchArray)[1] as string;
      // Handoffs come from direct prerequisites, bundles from all of them: the data edges are the closure.
      for (const n of fake.nodes) expect(n.upstream.map(idOf).sort()).toEqual(upstreamOf(ir, idOf(n.task)));
    });

    it("matches each epoch's command, tier, environment, cache settings, retries, timeout and typed I/O", () => {
      for (const e of ir.epochs) {
        const n = fake.nodes.find((x: any) => x.task === `${ir.project.name}.${taskVar(e)}`);
        expect(n.config.Command).toBe(nodeCommand(e.id));
        expect(n.config.MainRepoGitRef).toBeNull();
        if (nodeMode(ir, e) === 'job_config') {
          // Ids reach DominoJobConfig unchanged, and no helper was involved.
          expect(n.config.Title).toBe(`${e.id} ${e.title}`);
          expect(n.config.HardwareTierId).toBe(ir.domino.tiers[e.tier]);
          expect(n.config.EnvironmentId).toBe(ir.domino.environment);
          expect(n.helper_call).toBeNull();
        } else {
          // Display names reach run_domino_job_task, never an id field.
          expect(n.helper_call).toEqual({
            environment_name: ir.domino.environment, environment_id: null,
            hardware_tier_name: ir.domino.tiers[e.tier], hardware_tier_id: null,
            use_project_defaults_for_omitted: true,
          });
          expect(n.config.HardwareTierId).not.toBe(ir.domino.tiers[e.tier]);
          expect(n.config.EnvironmentId).not.toBe(ir.domino.environment);
        }
        expect([n.cache, n.cache_version, n.use_latest]).toEqual([true, keys[e.id], true]);
        expect(n.retries).toBe(e.retries);
        expect(n.timeout).toBe(e.timeoutSeconds ?? 3 * 3600);
        expect(n.inputs).toEqual(Object.fromEntries(inputsOf(ir, e).map((i) => [i.name, expectedType(i, ir.project.title)])));
        expect(n.outputs).toEqual(Object.fromEntries(outputsOf(e).map((o) => [o.name, expectedType(o, ir.project.title)])));
        // Every input is bound to the declared source: a workflow input or the named upstream output.
        for (const i of inputsOf(ir, e)) {
          const b = n.bindings[i.name];
          if (i.from.kind === 'workflow') expect(b).toEqual({ workflow: i.from.input });
          else expect(b).toEqual({ node: `${ir.project.name}.${taskVar(ir.epochs.find((x) => x.id === (i.from as { epoch: string }).epoch)!)}`, output: i.from.output });
        }
      }
      expect(fake.inputs).toEqual({ rows: 'int', data_path: 'str', approve: 'str' });
      // Nothing an epoch hands on is simple-typed (Domino uploads those only up to 1,024 bytes).
      for (const n of fake.nodes) for (const t of Object.values(n.outputs)) expect(t).toMatch(/^FlyteFile/);
    });

    it('the local twin compiles to the same DAG, commands and I/O names with plain flytekit tasks', async () => {
      const local = await inspectFlow(join(dir, `flows/${ir.project.name}_flow_local.py`), 'local');
      expect(local.NODES).toEqual(fake.NODES);
      expect(local.nodes.map((n: any) => [n.upstream.map((u: string) => u.split('.').at(-1)), Object.keys(n.inputs), Object.keys(n.outputs)]))
        .toEqual(fake.nodes.map((n: any) => [n.upstream.map((u: string) => u.split('.').at(-1)), Object.keys(n.inputs), Object.keys(n.outputs)]));
      expect(local.outputs).toEqual(fake.outputs);
    });
  });
}

describe('flow rendering', () => {
  it('is byte-identical across runs and pins the git ref and volume when the spec gives them', () => {
    const ir = fixtureIr();
    expect(renderFlows(ir)).toEqual(renderFlows(fixtureIr()));
    ir.domino.gitRef = 'tags/v1.2';
    ir.domino.volumeSizeGiB = 20;
    const flow = renderFlows(ir).find((f) => f.path === 'flows/credit_risk_flow.py')!.contents;
    expect(flow).toContain('GIT_REF = "tags/v1.2"');
    expect(flow).toContain('VOLUME_SIZE_GIB = 20');
  });

  it('carries adversarial titles exactly (Python parses them back)', async () => {
    const ir = fixtureIr();
    const title = 'Risk """ \\ {{ x }} </script>\nline2 \u00e9';
    ir.project.title = title;
    ir.epochs[0]!.title = title;
    const dir = writeProject(renderFlows(ir));
    const r = await inspectFlow(join(dir, 'flows/credit_risk_flow.py'), 'absent');
    expect(r.NODES['001'].title).toBe(`001 ${title}`);
  });
});
