/**
 * The typed handoff between flow nodes: which inputs and outputs each epoch's task declares, derived
 * from the IR (one source for the Domino flow, the local twin and the runtime's flow_io bridge).
 *
 * Domino's job I/O (its fork of Flyte's copilot, flytecopilot/data/upload.go) uploads a simple-typed
 * output only up to 1,024 bytes (`maxPrimitiveSize`), so nothing that grows travels simple-typed:
 * - `handoff` (a JSON FlyteFile): the epoch's own and its upstream run records (status, facts, gate,
 *   review, published file locations). Each epoch takes `handoff_<id>` from every direct prerequisite,
 *   which makes those data edges the IR's `after` edges and lets a fresh job container seed its
 *   prerequisite state before the epoch's own prerequisite check runs;
 * - `bundle` (a FlyteFile, tar.gz of the epoch's data and artifacts folders): everything the epoch wrote.
 *   Each epoch takes `bundle_<id>` from EVERY transitive prerequisite, because epoch scripts read files of
 *   epochs they do not depend on directly (model testing reads the feature split), and a Domino job
 *   container starts from the repository alone (copilot cannot download directories, so one file);
 * - the main deliverable of a standard epoch (FlyteFile declared as a Domino Flow Artifact: DATA for data
 *   and features, MODEL for the model, REPORT for reports), found by glob under its folders, so it shows
 *   in Domino's Flow Artifacts view.
 * Only the workflow inputs (`rows`, `data_path`, `approve`) are simple-typed.
 */
import type { Epoch, Ir } from '../../ir/schema.js';
import { upstreamOf } from '../../ir/dag.js';

/** Types a flow value can have; `file` is a FlyteFile (`dict` exists for plans written before files; flow_io refuses it over 1 KiB). */
export type FlowType = 'file' | 'dict' | 'str' | 'int' | 'bool';

/** Domino Flow Artifact kinds (flytekitplugins.domino.artifact). */
export type ArtifactKind = 'DATA' | 'MODEL' | 'REPORT';

/** Where a published output comes from, resolved by flow_io at the end of the job. */
export type OutputSource =
  | { kind: 'handoff' }
  /** tar.gz of the epoch's data and artifacts folders (flow_io.pack_bundle). */
  | { kind: 'bundle' }
  /** Globs relative to `data:` (the epoch's data folder) or `artifacts:` (its artifacts folder); first match wins. */
  | { kind: 'glob'; patterns: string[] };

/** One declared output of a node. */
export interface FlowOutput {
  name: string;
  type: FlowType;
  source: OutputSource;
  /** Domino Flow Artifact this output belongs to (files only), with the file name shown in Domino. */
  artifact: { kind: ArtifactKind; name: string; fileName: string } | null;
}

/** One declared input of a node: a workflow input, or an output of a direct prerequisite. */
export interface FlowInput {
  name: string;
  type: FlowType;
  from: { kind: 'workflow'; input: string } | { kind: 'epoch'; epoch: string; output: string };
}

/** A workflow-level input: becomes a `pyflyte run` flag (`--rows 20000`). */
export interface WorkflowInput {
  name: string;
  type: FlowType;
  /** Python literal default. */
  defaultPy: string;
  /** Environment variable flow_io sets for the epoch script from this value. */
  env: string;
  help: string;
}

/** The standard file outputs per stdlib epoch name. User-defined epochs publish only their handoff. */
const FILE_ROLES: Readonly<Record<string, readonly Omit<FlowOutput, 'type'>[]>> = {
  data_wrangling: [
    {
      name: 'data',
      source: { kind: 'glob', patterns: ['data:synthetic_data.parquet', 'data:source_data.parquet'] },
      artifact: { kind: 'DATA', name: 'Prepared data', fileName: 'data.parquet' },
    },
  ],
  feature_engineering: [
    {
      name: 'features',
      source: { kind: 'glob', patterns: ['data:engineered_features.parquet'] },
      artifact: { kind: 'DATA', name: 'Features', fileName: 'features.parquet' },
    },
  ],
  model_development: [
    {
      name: 'model',
      source: { kind: 'glob', patterns: ['artifacts:final_model.skops'] },
      artifact: { kind: 'MODEL', name: 'Model', fileName: 'model.skops' },
    },
  ],
  model_testing: [
    {
      name: 'report',
      source: { kind: 'glob', patterns: ['artifacts:validation_report.json'] },
      artifact: { kind: 'REPORT', name: 'Validation report', fileName: 'validation_report.json' },
    },
  ],
  retrospective: [
    {
      name: 'report',
      source: { kind: 'glob', patterns: ['artifacts:*.md'] },
      artifact: { kind: 'REPORT', name: 'Retrospective', fileName: 'retrospective.md' },
    },
  ],
};

/** Workflow inputs; which epochs receive them is decided by `workflowInputsFor`. */
export const WORKFLOW_INPUTS: readonly WorkflowInput[] = [
  { name: 'rows', type: 'int', defaultPy: '0', env: 'PIPEC_ROWS', help: 'row count override for synthetic data (0 = the spec value)' },
  { name: 'data_path', type: 'str', defaultPy: '""', env: 'PIPEC_SOURCE_DATA', help: 'input data file (empty = the spec value)' },
  { name: 'approve', type: 'str', defaultPy: '""', env: 'PIPEC_APPROVE', help: 'reviews approved for this run: epoch ids, comma separated, or "all"' },
];

/** Outputs of one epoch, in a fixed order: handoff, bundle, then the artifact files in role order. */
export function outputsOf(epoch: Epoch): FlowOutput[] {
  const files = epoch.custom ? [] : (FILE_ROLES[epoch.name] ?? []);
  return [
    { name: 'handoff', type: 'file', source: { kind: 'handoff' }, artifact: null },
    { name: 'bundle', type: 'file', source: { kind: 'bundle' }, artifact: null },
    ...files.map((f) => ({ ...f, type: 'file' as const })),
  ];
}

/** The epoch that receives the data inputs (`rows`, `data_path`): `data_wrangling`, else the first root. */
export function dataEpochId(ir: Ir): string | null {
  const named = ir.epochs.find((e) => e.name === 'data_wrangling' && !e.custom);
  if (named) return named.id;
  return ir.epochs.find((e) => e.after.length === 0)?.id ?? null;
}

/** Workflow inputs an epoch takes: data inputs for the data epoch; `approve` below any reviewed epoch. */
export function workflowInputsFor(ir: Ir, epoch: Epoch): WorkflowInput[] {
  const reviewed = new Set(ir.epochs.filter((e) => e.review !== null).map((e) => e.id));
  const needsApproval = upstreamOf(ir, epoch.id).some((id) => reviewed.has(id));
  return WORKFLOW_INPUTS.filter((w) =>
    w.name === 'approve' ? needsApproval : epoch.id === dataEpochId(ir),
  );
}

/**
 * Inputs of one epoch: its workflow inputs, the handoff of each direct prerequisite, then the bundle of
 * each direct or transitive prerequisite (by id).
 */
export function inputsOf(ir: Ir, epoch: Epoch): FlowInput[] {
  const known = new Set(ir.epochs.map((e) => e.id));
  const fromWorkflow: FlowInput[] = workflowInputsFor(ir, epoch).map((w) => ({
    name: w.name,
    type: w.type,
    from: { kind: 'workflow', input: w.name },
  }));
  const port = (p: string, output: string): FlowInput => ({ name: `${output}_${p}`, type: 'file', from: { kind: 'epoch', epoch: p, output } });
  const handoffs = [...epoch.after].filter((p) => known.has(p)).sort().map((p) => port(p, 'handoff'));
  const bundles = upstreamOf(ir, epoch.id).map((p) => port(p, 'bundle'));
  return [...fromWorkflow, ...handoffs, ...bundles];
}
