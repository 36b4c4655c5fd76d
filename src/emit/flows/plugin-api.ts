/**
 * The part of Domino's flytekitplugins.domino API a generated flow calls: each callable with the keyword
 * arguments the flow passes it. Written into flows/flow_io.json (`pluginApi`), where
 * `python -m pipec_runtime.doctor` compares it with the signatures of the plugin installed in a Domino
 * workspace, and where the flow tests compare it with the strict stand-in (test/flows/domino_standin).
 */
import type { Ir } from '../../ir/schema.js';
import { nodeMode } from './flow-view.js';
import { outputsOf } from './handoff.js';
import { nodeCluster } from './cluster.js';

/** Callable (`module.attribute`) → keyword arguments used, sorted. */
export type PluginApi = Record<string, string[]>;

/** The plugin callables and keywords the flow for `ir` uses. */
export function pluginApiUsed(ir: Ir): PluginApi {
  const api: Record<string, Set<string>> = {};
  const use = (callable: string, ...keywords: string[]): void => {
    const set = (api[callable] ??= new Set());
    for (const k of keywords) set.add(k);
  };
  const d = ir.domino;
  for (const e of ir.epochs) {
    if (nodeMode(ir, e) === 'job_config') {
      use('flytekitplugins.domino.task.DominoJobConfig', 'Command', 'Title', 'HardwareTierId',
        ...(d.environmentBy === 'id' ? ['EnvironmentId'] : []),
        ...(d.volumeSizeGiB === null ? [] : ['VolumeSizeGiB']),
        ...(d.gitRef === null ? [] : ['MainRepoGitRef']),
        ...(nodeCluster(ir, e) === null ? [] : ['ComputeClusterProperties']));
      if (nodeCluster(ir, e) !== null) {
        use('flytekitplugins.domino.task.ClusterProperties', 'ClusterType', 'ComputeEnvironmentId', 'WorkerHardareTierId',
          'WorkerCount', 'MasterHardwareTierId');
      }
      use('flytekitplugins.domino.task.DominoJobTask', 'name', 'domino_job_config', 'inputs', 'outputs', 'use_latest',
        'cache', 'cache_version', 'retries', ...(e.timeoutSeconds === null ? [] : ['timeout']));
    } else {
      use('flytekitplugins.domino.helpers.run_domino_job_task', 'flyte_task_name', 'command', 'inputs', 'output_specs',
        'use_project_defaults_for_omitted', 'cache', 'cache_version',
        d.tierIds.includes(e.tier) ? 'hardware_tier_id' : 'hardware_tier_name',
        ...(d.environmentBy === 'name' ? ['environment_name'] : d.environmentBy === 'id' ? ['environment_id'] : []),
        ...(d.gitRef === null ? [] : ['main_git_repo_ref']),
        ...(d.volumeSizeGiB === null ? [] : ['volume_size_gib']));
      use('flytekitplugins.domino.helpers.Input', 'name', 'type', 'value');
      use('flytekitplugins.domino.helpers.Output', 'name', 'type');
    }
    if (outputsOf(e).some((o) => o.artifact)) {
      use('flytekitplugins.domino.artifact.Artifact', 'name', 'type');
      use('flytekitplugins.domino.artifact.Artifact.File', 'name');
    }
  }
  if (d.gitRef !== null) use('flytekitplugins.domino.task.GitRef', 'Type', ...(d.gitRef === 'head' ? [] : ['Value']));
  return Object.fromEntries(Object.keys(api).sort().map((k) => [k, [...(api[k] as Set<string>)].sort()]));
}
