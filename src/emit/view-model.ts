/**
 * Shared view-model helpers: every template receives data computed here (sorted, typed, escaped only
 * through template helpers), so templates stay logic-free and every emitter sees the same names.
 */
import type { Epoch, Formula, Ir } from '../ir/schema.js';
import type { TemplateEngine } from './handlebars.js';
import type { EmitAssets } from './assets.js';
import { ATOM_PRECEDENCE, PREFIX_PRECEDENCE, needsParentheses, precedenceOf } from '../catalogue/operators.js';
import { formatQuantity } from '../catalogue/units.js';
import { PIPEC_VERSION } from '../version.js';

/** Everything a part emitter needs: the IR, the assets, the engine and the shared project view. */
export interface EmitContext {
  ir: Ir;
  assets: EmitAssets;
  engine: TemplateEngine;
  project: ProjectView;
}

/** A fact an epoch records (`data.rows`), as templates see it. */
export interface FactView {
  name: string;
  unit: string;
  description: string;
}

/** One gate rule, with a rendered text form for documents. */
export interface GateView {
  id: string;
  fact: string;
  op: string;
  value: number | boolean;
  unit: string;
  message: string;
  origin: string;
  /** `metric.f1_score >= 0.7` (percent shown with `%`). */
  text: string;
  /** The spec's message when it says more than the rule itself, else null. */
  note: string | null;
}

/** One epoch as templates see it. */
export interface EpochView {
  id: string;
  name: string;
  title: string;
  dir: string;
  agent: string;
  experiment: string;
  after: string[];
  /** Epoch folders of the prerequisites, same order as `after`. */
  afterDirs: string[];
  tier: string;
  /** Domino hardware tier the logical tier maps to (the tier name itself when unmapped). */
  hardwareTier: string;
  minutes: number;
  memoryGb: number;
  deliverables: string[];
  produces: FactView[];
  gate: GateView[];
  hasGate: boolean;
  review: string | null;
  custom: boolean;
  timeoutSeconds: number | null;
  retries: number;
}

/** The project-level view shared by all templates. */
export interface ProjectView {
  name: string;
  title: string;
  objective: string;
  problem: 'classification' | 'regression';
  isClassification: boolean;
  metric: string;
  metrics: string[];
  target: string;
  targetKind: string;
  dataKind: 'synthetic' | 'file';
  /** Rows the spec asks for (synthetic) or null for file data. */
  rows: number | null;
  columnNames: string[];
  numericColumns: string[];
  categoryColumns: string[];
  environment: string;
  epochs: EpochView[];
  /** Path of the package inside the generated project: `src/<name>`. */
  packageDir: string;
  /** The compiler that generated the project (registry tags name it). */
  pipecVersion: string;
}

/** A fact value in its unit as the spec writes it (`95%`, `50MB`, `5m`): the catalogue's one renderer. */
export function renderValue(value: number | boolean, unit: string): string {
  return formatQuantity(value, unit);
}

/** The binding power of a formula node, in the language's operator table. */
function formulaPrecedence(f: Formula): number {
  if (f.kind === 'bin') return precedenceOf(f.op);
  // A negative literal prints with a leading `-`, which the parser reads as a prefix operator.
  if (f.kind === 'unary' || (f.kind === 'num' && (f.value < 0 || Object.is(f.value, -0)))) return PREFIX_PRECEDENCE;
  return ATOM_PRECEDENCE;
}

/**
 * A formula as spec-like text (`total_balance / credit_limit`), for documents and provenance.
 * Parentheses follow the language's operator table, so the text re-parses to the same formula.
 */
export function renderFormula(f: Formula): string {
  const operand = (g: Formula, wrap: boolean): string => (wrap ? `(${renderFormula(g)})` : renderFormula(g));
  switch (f.kind) {
    case 'num':
      return String(f.value);
    case 'bool':
      return String(f.value);
    case 'col':
      return f.name;
    case 'unary': {
      const arg = operand(f.arg, formulaPrecedence(f.arg) <= PREFIX_PRECEDENCE); // `-(-x)`, not `--x`
      return f.op === 'not' ? `not ${arg}` : `-${arg}`;
    }
    case 'call':
      return `${f.fn}(${f.args.map((a) => renderFormula(a)).join(', ')})`;
    case 'bin': {
      const left = operand(f.left, needsParentheses(formulaPrecedence(f.left), f.op, 'left'));
      const right = operand(f.right, needsParentheses(formulaPrecedence(f.right), f.op, 'right'));
      return `${left} ${f.op} ${right}`;
    }
  }
}

/** Builds the view of one epoch. */
export function viewEpoch(ir: Ir, e: Epoch): EpochView {
  const dirOf = (id: string) => ir.epochs.find((x) => x.id === id)?.dir ?? id;
  return {
    id: e.id,
    name: e.name,
    title: e.title,
    dir: e.dir,
    agent: e.agent,
    experiment: e.experiment,
    after: [...e.after],
    afterDirs: e.after.map(dirOf),
    tier: e.tier,
    hardwareTier: ir.domino.tiers[e.tier] ?? e.tier,
    minutes: e.estimate.minutes,
    memoryGb: e.estimate.memoryGb,
    deliverables: [...e.deliverables],
    produces: e.produces.map((f) => ({ name: f.name, unit: f.unit, description: f.description })),
    gate: e.gate.map((g) => {
      const text = `${g.fact} ${g.op} ${renderValue(g.value, g.unit)}`;
      // A message that only restates the rule (`metric.f1_score >= 0.70`) adds nothing to the text.
      const restates = g.message.trim() === '' || g.message.startsWith(`${g.fact} ${g.op} `);
      return { ...g, text, note: restates ? null : g.message };
    }),
    hasGate: e.gate.length > 0,
    review: e.review?.title ?? null,
    custom: e.custom,
    timeoutSeconds: e.timeoutSeconds,
    retries: e.retries,
  };
}

/** Builds the shared project view. */
export function viewProject(ir: Ir): ProjectView {
  const cols = ir.data.columns;
  return {
    name: ir.project.name,
    title: ir.project.title,
    objective: ir.project.objective,
    problem: ir.project.problem,
    isClassification: ir.project.problem === 'classification',
    metric: ir.project.metric,
    metrics: [...ir.project.metrics],
    target: ir.data.target.name,
    targetKind: ir.data.target.kind,
    dataKind: ir.data.kind,
    rows: ir.data.kind === 'synthetic' ? ir.data.rows : null,
    columnNames: cols.map((c) => c.name),
    numericColumns: cols.filter((c) => c.type === 'int' || c.type === 'float').map((c) => c.name),
    categoryColumns: cols.filter((c) => c.type === 'category' || c.type === 'bool').map((c) => c.name),
    environment: ir.domino.environment,
    epochs: ir.epochs.map((e) => viewEpoch(ir, e)),
    packageDir: `src/${ir.project.name}`,
    pipecVersion: PIPEC_VERSION,
  };
}

/** The epoch with `id`, or undefined when the spec's lifecycle has no such epoch. */
export function findEpoch(ir: Ir, id: string): Epoch | undefined {
  return ir.epochs.find((e) => e.id === id);
}

/** Recursively key-sorted value, for stable JSON files. */
export function sortKeysDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeysDeep);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return Object.fromEntries(Object.keys(o).sort().map((k) => [k, sortKeysDeep(o[k])]));
  }
  return v;
}

/** Stable JSON document text: sorted keys, 2-space indent, final newline. */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(sortKeysDeep(value), null, 2)}\n`;
}
