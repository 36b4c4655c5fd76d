/**
 * The view model of the Domino Flows target: everything the flow templates print, computed and
 * sorted here (templates hold no logic). Shared by the Domino flow, the local twin, the README
 * section and flows/flow_io.json, so they cannot disagree about the DAG or a node's I/O.
 */
import { nodeCluster, type NodeCluster } from './cluster.js';
import { nodeMode, type NodeMode } from './node-mode.js';
export { nodeMode };
import type { Epoch, Ir } from '../../ir/schema.js';
import { epochEdges, topoOrder } from '../../ir/dag.js';
import { pyRepr, pyStr } from '../escape.js';
import {
  inputsOf,
  outputsOf,
  WORKFLOW_INPUTS,
  type FlowInput,
  type FlowOutput,
  type FlowType,
} from './handoff.js';

/** Python annotation of a flow type (the local twin and consumer inputs). */
const PY_TYPE: Readonly<Record<FlowType, string>> = { file: 'FlyteFile', dict: 'dict', str: 'str', int: 'int', bool: 'bool' };

/** One declared Domino Flow Artifact (module-level `Artifact(name=..., type=...)`). */
export interface ArtifactView {
  varName: string;
  nameLit: string;
  kind: string;
}

/** One typed value of a node, as Python source fragments. */
export interface PortView {
  name: string;
  /** Annotation in the local twin and in consumer inputs. */
  pyType: string;
  /** Type in the Domino task's `outputs={...}`: an Artifact file declaration or the plain type. */
  remoteType: string;
  /** Expression bound in the Domino workflow body (`n002.handoff`, `rows`), inputs only. */
  bind: string;
  /**
   * The same in the local twin: its tasks always return a NamedTuple, so even a single output is
   * addressed by name (a one-output DominoJobTask returns the bare promise instead).
   */
  bindLocal: string;
  isFile: boolean;
  last: boolean;
}

// NodeMode and nodeMode live in node-mode.ts (cluster.ts needs them too); re-exported for existing importers.
export type { NodeMode } from './node-mode.js';

/** One node (epoch) of the flow. */
export interface NodeView {
  id: string;
  name: string;
  titleLit: string;
  /** Python identifier of the task object / local task function: `epoch002_data_wrangling`. */
  varName: string;
  /** Variable holding the node's promise in the workflow body: `n002`. */
  nodeVar: string;
  /** Flyte task name: `credit_risk.epoch002_data_wrangling`. */
  taskNameLit: string;
  command: string;
  commandLit: string;
  tier: string;
  tierLit: string;
  cacheVersion: string;
  /** First 12 hex digits, for tables. */
  shortCache: string;
  retries: number;
  timeoutSeconds: number | null;
  inputs: PortView[];
  outputs: PortView[];
  hasInputs: boolean;
  singleOutput: boolean;
  /** NamedTuple class name for multi-output local tasks. */
  outputsClass: string;
  after: string[];
  /** `after` ready to print: `001, 002` (empty when none). */
  afterText: string;
  /** The node's row of the module-level `NODES` table, as a Python dict literal. */
  nodePy: string;
  mode: NodeMode;
  isJobConfig: boolean;
  /** Helper nodes: the whole `run_domino_job_task(...)` call, indented for the workflow body. */
  helperCallPy: string;
  /** Config nodes: the task call with its input bindings (`epoch002_x(rows=rows, ...)`). */
  taskCallPy: string;
}

/** The whole flow. */
export interface FlowView {
  project: string;
  title: string;
  titleLit: string;
  workflowName: string;
  flowPath: string;
  localPath: string;
  /** `{"by": "id"|"name"|"default", "value": ...}` as a Python literal. */
  environmentPy: string;
  /** Logical tier → `{"by": "id"|"name", "value": ...}`, as a Python literal. */
  tiersPy: string;
  /** Plugin modules the flow needs (`task`, `helpers`, `artifact`), each imported under its own guard. */
  needsTask: boolean;
  needsHelpers: boolean;
  needsArtifact: boolean;
  /** Some node carries an on-demand Dask cluster (ClusterProperties is imported). */
  needsCluster: boolean;
  volumeSizeGiB: string;
  gitRefPy: string;
  workflowInputs: { name: string; pyType: string; defaultPy: string; help: string; last: boolean }[];
  artifacts: ArtifactView[];
  nodes: NodeView[];
  /** Epochs no other epoch depends on: the workflow returns their handoffs. */
  sinks: { id: string; bind: string; bindLocal: string; last: boolean }[];
  edges: { from: string; to: string }[];
  /** Example `pyflyte run` flags (`--rows 20000 --approve 003,006`). */
  exampleFlags: string;
  localFlags: string;
}

/** Command of every node: the same on Domino and in the local twin (flow_io bridges the I/O). */
export function nodeCommand(epochId: string): string {
  return `python flows/run_node.py ${epochId}`;
}

/** `epoch002_data_wrangling`: the task variable of an epoch. */
export function taskVar(e: Pick<Epoch, 'id' | 'name'>): string {
  return `epoch${e.id}_${e.name}`;
}

function artifactVar(o: FlowOutput, epoch: Epoch): string {
  return `${o.name}_artifact_${epoch.id}`;
}

/**
 * The expression bound to an input in the workflow body. The Domino flow reads upstream outputs through
 * `_output(node, name)`, which works for what a DominoJobTask call returns (a named tuple of promises)
 * and for what run_domino_job_task returns; the twin's tasks always return a NamedTuple.
 */
function bindOf(input: FlowInput, local = false): string {
  if (input.from.kind === 'workflow') return input.from.input;
  return local ? `n${input.from.epoch}.${input.from.output}` : `_output(n${input.from.epoch}, ${pyStr(input.from.output)})`;
}

/** Python of the `run_domino_job_task(...)` call of a helper node (names resolved by the plugin). */
function helperCall(ir: Ir, e: Epoch, cacheVersionExpr: string, ins: PortView[], outs: PortView[]): string {
  const tierValue = ir.domino.tiers[e.tier] ?? e.tier;
  const env = ir.domino.environmentBy === 'name'
    ? [`environment_name=${pyStr(ir.domino.environment)},`]
    : ir.domino.environmentBy === 'id' ? [`environment_id=${pyStr(ir.domino.environment)},`] : [];
  const tier = ir.domino.tierIds.includes(e.tier) ? `hardware_tier_id=${pyStr(tierValue)},` : `hardware_tier_name=${pyStr(tierValue)},`;
  const lines = [
    'run_domino_job_task(',
    `    flyte_task_name=${pyStr(`${ir.project.name}.${taskVar(e)}`)},`,
    `    command=${pyStr(nodeCommand(e.id))},`,
    ...env.map((l) => `    ${l}`),
    `    ${tier}`,
    ...(ir.domino.gitRef === null ? [] : ['    main_git_repo_ref=_git_ref(GIT_REF),']),
    ...(ir.domino.volumeSizeGiB === null ? [] : ['    volume_size_gib=VOLUME_SIZE_GIB,']),
    ...(ins.length === 0 ? ['    inputs=[],'] : [
      '    inputs=[',
      ...ins.map((i) => `        Input(name=${pyStr(i.name)}, type=${i.pyType}, value=${i.bind}),`),
      '    ],',
    ]),
    '    output_specs=[',
    ...outs.map((o) => `        Output(name=${pyStr(o.name)}, type=${o.remoteType}),`),
    '    ],',
    '    use_project_defaults_for_omitted=USE_LATEST,',
    '    cache=True,',
    `    cache_version=${cacheVersionExpr},`,
    ')',
  ];
  return lines.map((l, k) => (k === 0 ? l : `        ${l}`)).join('\n');
}

/** `{ cluster }` only for nodes with one, so flows without clusters keep their NODES rows. */
const withCluster = (c: NodeCluster | null): { cluster?: NodeCluster } => (c ? { cluster: c } : {});

function nodeView(ir: Ir, e: Epoch, cacheVersion: string): NodeView {
  const ins = inputsOf(ir, e);
  const outs = outputsOf(e);
  const port = (name: string, type: FlowType, remoteType: string, bind: string, bindLocal: string, last: boolean): PortView => ({
    name, pyType: PY_TYPE[type], remoteType, bind, bindLocal, isFile: type === 'file', last,
  });
  const command = nodeCommand(e.id);
  const view: NodeView = {
    id: e.id,
    name: e.name,
    titleLit: pyStr(`${e.id} ${e.title}`),
    varName: taskVar(e),
    nodeVar: `n${e.id}`,
    taskNameLit: pyStr(`${ir.project.name}.${taskVar(e)}`),
    command,
    commandLit: pyStr(command),
    tier: e.tier,
    tierLit: pyStr(e.tier),
    cacheVersion,
    shortCache: cacheVersion.slice(0, 12),
    retries: e.retries,
    timeoutSeconds: e.timeoutSeconds,
    inputs: ins.map((i, k) => port(i.name, i.type, PY_TYPE[i.type], bindOf(i), bindOf(i, true), k === ins.length - 1)),
    outputs: outs.map((o, k) =>
      port(
        o.name,
        o.type,
        o.artifact ? `${artifactVar(o, e)}.File(name=${pyStr(o.artifact.fileName)})` : PY_TYPE[o.type],
        '',
        '',
        k === outs.length - 1,
      ),
    ),
    hasInputs: ins.length > 0,
    mode: nodeMode(ir, e),
    isJobConfig: nodeMode(ir, e) === 'job_config',
    helperCallPy: '',
    taskCallPy: '',
    singleOutput: outs.length === 1,
    outputsClass: `Epoch${e.id}Outputs`,
    after: [...e.after].sort(),
    afterText: [...e.after].sort().join(', '),
    nodePy: pyRepr({
      task: `${ir.project.name}.${taskVar(e)}`,
      title: `${e.id} ${e.title}`,
      command,
      tier: e.tier,
      mode: nodeMode(ir, e),
      after: [...e.after].sort(),
      cache_version: cacheVersion,
      retries: e.retries,
      timeout_seconds: e.timeoutSeconds,
      ...withCluster(nodeCluster(ir, e)),
    }),
  };
  const cacheExpr = `NODES[${pyStr(e.id)}]["cache_version"]`;
  view.helperCallPy = helperCall(ir, e, cacheExpr, view.inputs, view.outputs);
  view.taskCallPy = `${view.varName}(${view.inputs.map((i) => `${i.name}=${i.bind}`).join(', ')})`;
  return view;
}

/** Builds the flow view; `cacheKeys` comes from src/ir/cache-keys.ts (epochCacheKeys). */
export function viewFlow(ir: Ir, cacheKeys: Readonly<Record<string, string>>): FlowView {
  const byId = new Map(ir.epochs.map((e) => [e.id, e]));
  const order = topoOrder(ir);
  const epochs = order.map((id) => byId.get(id) as Epoch);
  const nodes = epochs.map((e) => nodeView(ir, e, cacheKeys[e.id] ?? ''));
  const artifacts: ArtifactView[] = [];
  for (const e of epochs) {
    for (const o of outputsOf(e)) {
      if (o.artifact) artifacts.push({ varName: artifactVar(o, e), nameLit: pyStr(`${ir.project.title}: ${o.artifact.name}`), kind: o.artifact.kind });
    }
  }
  const edges = epochEdges(ir);
  const hasSucc = new Set(edges.map((x) => x.from));
  const sinkIds = order.filter((id) => !hasSucc.has(id));
  const reviewed = ir.epochs.filter((e) => e.review !== null).map((e) => e.id);
  const approve = reviewed.length > 0 ? ` --approve ${reviewed.join(',')}` : '';
  const rows = ir.data.kind === 'synthetic' ? ` --rows ${ir.data.rows}` : ` --data_path ${ir.data.path}`;
  const localRows = ir.data.kind === 'synthetic' ? ` --rows ${Math.min(ir.data.rows, 2000)}` : '';
  const name = ir.project.name;
  const tiers = Object.keys(ir.domino.tiers).sort();
  const gitRef = ir.domino.gitRef;
  return {
    project: name,
    title: ir.project.title,
    titleLit: pyStr(ir.project.title),
    workflowName: `${name}_flow`,
    flowPath: `flows/${name}_flow.py`,
    localPath: `flows/${name}_flow_local.py`,
    environmentPy: pyRepr({ by: ir.domino.environmentBy, value: ir.domino.environmentBy === 'default' ? null : ir.domino.environment }),
    tiersPy: pyRepr(Object.fromEntries(tiers.map((t) => [t, { by: ir.domino.tierIds.includes(t) ? 'id' : 'name', value: ir.domino.tiers[t] as string }]))),
    needsTask: nodes.some((n) => n.isJobConfig) || gitRef !== null,
    needsHelpers: nodes.some((n) => !n.isJobConfig),
    needsArtifact: artifacts.length > 0,
    needsCluster: epochs.some((e) => nodeCluster(ir, e) !== null),
    volumeSizeGiB: ir.domino.volumeSizeGiB === null ? 'None' : String(ir.domino.volumeSizeGiB),
    gitRefPy: gitRef === null ? 'None' : pyStr(gitRef),
    workflowInputs: WORKFLOW_INPUTS.map((w, k) => ({
      name: w.name, pyType: PY_TYPE[w.type], defaultPy: w.defaultPy, help: w.help, last: k === WORKFLOW_INPUTS.length - 1,
    })),
    artifacts,
    nodes,
    sinks: sinkIds.map((id, k) => ({ id, bind: `_output(n${id}, "handoff")`, bindLocal: `n${id}.handoff`, last: k === sinkIds.length - 1 })),
    edges,
    exampleFlags: `${rows}${approve}`.trim(),
    localFlags: `${localRows} --approve all`.trim(),
  };
}
