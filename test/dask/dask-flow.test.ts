/**
 * Issue 14's flow acceptance: the Domino flow generated for the Dask spec (test/dask/dask-project.pipeline)
 * carries ComputeClusterProperties — the plugin's ClusterProperties, checked by the strict stand-in
 * (test/flows/domino_standin) — on exactly the epochs that run on the cluster (002-006), with the spec's
 * worker count and the workers' hardware tier id; `pipec_runtime.doctor` finds every keyword it passes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Ir } from '../../src/ir/schema.js';
import { compileSpec, REPO_ROOT } from '../helpers/generate-project.js';
import { HERE, inspectFlow, py, REPO, renderFlows, standInProject, writeProject } from '../flows/helpers.js';

const SPEC = join(REPO_ROOT, 'test/dask/dask-project.pipeline');

function writeFlow(ir: Ir): string {
  const others = standInProject(ir);
  return writeProject([...others, ...renderFlows(ir, others)]);
}

describe('the Domino flow of a Dask project (strict stand-in)', () => {
  it('DominoJobConfig.ComputeClusterProperties is set for exactly the epochs on the cluster', async () => {
    const ir = await compileSpec(SPEC);
    const dir = writeFlow(ir);
    const r = await inspectFlow(join(dir, 'flows/dask_risk_flow.py'), 'standin');
    expect(r.plugin_error).toBeNull();
    const withCluster: string[] = [];
    for (const n of r.nodes) {
      const id = /\.epoch(\d{3})_/.exec(n.task)?.[1] as string;
      const cluster = n.config?.ComputeClusterProperties;
      if (!cluster) continue;
      withCluster.push(id);
      expect(cluster).toMatchObject({
        ClusterType: 'Dask', ComputeEnvironmentId: '64f0c0ffee0123456789abcd', WorkerHardareTierId: 'small-k8s',
        WorkerCount: 2,
      });
      expect(cluster.MasterHardwareTierId).toBe(ir.domino.tiers[ir.epochs.find((e) => e.id === id)!.tier]);
    }
    expect(withCluster.sort()).toEqual(['002', '003', '004', '005', '006']);
    expect(Object.entries(r.NODES).filter(([, n]: [string, any]) => n.cluster).map(([id]) => id).sort())
      .toEqual(['002', '003', '004', '005', '006']);
  });

  it('a single-machine spec gets no cluster and no ClusterProperties import', async () => {
    const ir = await compileSpec(SPEC);
    for (const e of ir.epochs) delete e.compute;
    const text = readFileSync(join(writeFlow(ir), 'flows/dask_risk_flow.py'), 'utf8');
    expect(text).not.toContain('ClusterProperties');
  });

  it('the stand-in refuses a cluster the plugin or Domino would refuse, with its message', async () => {
    const ir = await compileSpec(SPEC);
    const failing = async (edit: (t: string) => string) => {
      const dir = writeFlow(ir);
      const path = join(dir, 'flows/dask_risk_flow.py');
      writeFileSync(path, edit(readFileSync(path, 'utf8')));
      const r = await py([join(HERE, 'inspect_flow.py'), path, 'standin'], { env: { FLYTE_SDK_LOGGING_LEVEL: '40' }, timeout: 120_000 });
      expect(r.status).not.toBe(0);
      return r.stderr;
    };
    // The plugin's field is spelled `WorkerHardareTierId`; the "corrected" spelling is an unknown keyword.
    expect(await failing((t) => t.replace('WorkerHardareTierId=', 'WorkerHardwareTierId=')))
      .toContain("ClusterProperties.__init__() got an unexpected keyword argument 'WorkerHardwareTierId'");
    expect(await failing((t) => t.replace('WorkerCount=cluster["workers"]', 'WorkerCount=0')))
      .toContain('Failed to resolve job properties (StatusCode 400): workerCount 0 must be a positive integer');
  });

  it('pipec_runtime.doctor finds every keyword the flow passes (ClusterProperties included) in the stand-in', async () => {
    const dir = writeFlow(await compileSpec(SPEC));
    const plan = JSON.parse(readFileSync(join(dir, 'flows/flow_io.json'), 'utf8'));
    expect(plan.pluginApi['flytekitplugins.domino.task.ClusterProperties']).toEqual(
      ['ClusterType', 'ComputeEnvironmentId', 'MasterHardwareTierId', 'WorkerCount', 'WorkerHardareTierId']);
    const r = await py(['-m', 'pipec_runtime.doctor'], {
      cwd: dir, env: { PYTHONPATH: `${join(REPO, 'runtime/python')}:${join(HERE, 'domino_standin')}` },
    });
    expect(r.stdout).toContain('everything the flow uses matches');
    expect(r.status).toBe(0);
  });
});
