/**
 * The typed handoff between flow nodes: which inputs and outputs each epoch's task declares, derived
 * from the IR (one source for the Domino flow, the local twin and the runtime's flow_io bridge).
 *
 * Every epoch outputs `handoff: dict` (its own and its upstream run records: status, facts, gate) and
 * takes `handoff_<id>` from each direct prerequisite. That makes the flow's data edges exactly the IR's
 * `after` edges, and lets a Domino job (a fresh container whose `.context/` is not shared) seed its
 * prerequisite state before the epoch's own prerequisite check runs.
 * Epochs of the standard lifecycle also publish their main deliverable as a file (FlyteFile, declared as
 * a Domino Flow Artifact: DATA for data and features, MODEL for the model, REPORT for reports), found by
 * glob under the epoch's data or artifacts folder (names from the generated config.py); consumers get
 * them as `<name>_<id>`.
 */
import type { Epoch, Ir } from '../../ir/schema.js';
import { upstreamOf } from '../../ir/dag.js';

/** Types a flow value can have; `file` is a FlyteFile. */
export type FlowType = 'file' | 'dict' | 'str' | 'int' | 'bool';

/** Domino Flow Artifact kinds (flytekitplugins.domino.artifact). */
export type ArtifactKind = 'DATA' | 'MODEL' | 'REPORT';

/** Where a published output comes from, resolved by flow_io at the end of the job. */
export type OutputSource =
  | { kind: 'handoff' }
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
      source: { kind: 'glob', patterns: ['artifacts:final_model.joblib'] },
      artifact: { kind: 'MODEL', name: 'Model', fileName: 'model.joblib' },
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

/** Outputs of one epoch, in a fixed order: handoff first, then files in role order. */
export function outputsOf(epoch: Epoch): FlowOutput[] {
  const files = epoch.custom ? [] : (FILE_ROLES[epoch.name] ?? []);
  return [
    { name: 'handoff', type: 'dict', source: { kind: 'handoff' }, artifact: null },
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

/** Inputs of one epoch: its workflow inputs, then each direct prerequisite's outputs (by id). */
export function inputsOf(ir: Ir, epoch: Epoch): FlowInput[] {
  const byId = new Map(ir.epochs.map((e) => [e.id, e]));
  const fromWorkflow: FlowInput[] = workflowInputsFor(ir, epoch).map((w) => ({
    name: w.name,
    type: w.type,
    from: { kind: 'workflow', input: w.name },
  }));
  const fromEpochs: FlowInput[] = [];
  for (const p of [...epoch.after].sort()) {
    const up = byId.get(p);
    if (!up) continue;
    for (const o of outputsOf(up)) {
      fromEpochs.push({ name: `${o.name}_${p}`, type: o.type, from: { kind: 'epoch', epoch: p, output: o.name } });
    }
  }
  return [...fromWorkflow, ...fromEpochs];
}
