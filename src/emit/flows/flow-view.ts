/**
 * The view model of the Domino Flows target: everything the flow templates print, computed and
 * sorted here (templates hold no logic). Shared by the Domino flow, the local twin, the README
 * section and flows/flow_io.json, so they cannot disagree about the DAG or a node's I/O.
 */
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
  /** The node's row of the module-level `NODES` table, as a Python dict literal. */
  nodePy: string;
}

/** The whole flow. */
export interface FlowView {
  project: string;
  title: string;
  titleLit: string;
  workflowName: string;
  flowPath: string;
  localPath: string;
  environmentLit: string;
  tiersPy: string;
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

function bindOf(ir: Ir, input: FlowInput, local = false): string {
  if (input.from.kind === 'workflow') return input.from.input;
  if (local) return `n${input.from.epoch}.${input.from.output}`;
  const up = ir.epochs.find((e) => e.id === (input.from as { epoch: string }).epoch) as Epoch;
  const single = outputsOf(up).length === 1;
  return single ? `n${up.id}` : `n${up.id}.${input.from.output}`;
}

function nodeView(ir: Ir, e: Epoch, cacheVersion: string): NodeView {
  const ins = inputsOf(ir, e);
  const outs = outputsOf(e);
  const port = (name: string, type: FlowType, remoteType: string, bind: string, bindLocal: string, last: boolean): PortView => ({
    name, pyType: PY_TYPE[type], remoteType, bind, bindLocal, isFile: type === 'file', last,
  });
  const command = nodeCommand(e.id);
  return {
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
    inputs: ins.map((i, k) => port(i.name, i.type, PY_TYPE[i.type], bindOf(ir, i), bindOf(ir, i, true), k === ins.length - 1)),
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
    singleOutput: outs.length === 1,
    outputsClass: `Epoch${e.id}Outputs`,
    after: [...e.after].sort(),
    nodePy: pyRepr({
      task: `${ir.project.name}.${taskVar(e)}`,
      title: `${e.id} ${e.title}`,
      command,
      tier: e.tier,
      after: [...e.after].sort(),
      cache_version: cacheVersion,
      retries: e.retries,
      timeout_seconds: e.timeoutSeconds,
    }),
  };
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
    environmentLit: pyStr(ir.domino.environment),
    tiersPy: `{${tiers.map((t) => `${pyStr(t)}: ${pyStr(ir.domino.tiers[t] as string)}`).join(', ')}}`,
    volumeSizeGiB: ir.domino.volumeSizeGiB === null ? 'None' : String(ir.domino.volumeSizeGiB),
    gitRefPy: gitRef === null ? 'None' : pyStr(gitRef),
    workflowInputs: WORKFLOW_INPUTS.map((w, k) => ({
      name: w.name, pyType: PY_TYPE[w.type], defaultPy: w.defaultPy, help: w.help, last: k === WORKFLOW_INPUTS.length - 1,
    })),
    artifacts,
    nodes,
    sinks: sinkIds.map((id, k) => {
      const single = outputsOf(byId.get(id) as Epoch).length === 1;
      return { id, bind: single ? `n${id}` : `n${id}.handoff`, bindLocal: `n${id}.handoff`, last: k === sinkIds.length - 1 };
    }),
    edges,
    exampleFlags: `${rows}${approve}`.trim(),
    localFlags: `${localRows} --approve all`.trim(),
  };
}
