/**
 * `pipec graph`: the epoch DAG as Mermaid or Graphviz DOT. Edges and order come from src/ir/dag.ts,
 * the same helpers the Domino Flows emitter uses, so the picture and the flow cannot disagree.
 * A review point is drawn as its own node between an epoch and everything downstream of it, because
 * downstream epochs wait for the review. Every label is escaped for the target language.
 */
import type { Epoch, GateRule, Ir } from '../../ir/schema.js';
import { epochEdges, topoOrder } from '../../ir/dag.js';
import { formatQuantity } from '../../catalogue/units.js';
import { EXIT_FINDINGS, EXIT_OK } from '../exit.js';
import { loadAndCheck } from '../load-spec.js';
import { reportToStderr } from './output.js';

/** Output formats of `pipec graph`. */
export type GraphFormat = 'mermaid' | 'dot';

/** A gate rule as a short human expression: `metric.f1_score >= 0.7`, `robustness.stability >= 95%`. */
export function describeRule(rule: Pick<GateRule, 'fact' | 'op' | 'value' | 'unit'>): string {
  return `${rule.fact} ${rule.op} ${formatQuantity(rule.value, rule.unit)}`;
}

/** Escape text for a double-quoted Mermaid label (entity codes; `#` first so codes are not re-escaped). */
export function escapeMermaid(s: string): string {
  const codes: Record<string, string> = { '#': '#35;', '"': '#quot;', '<': '#lt;', '>': '#gt;', '&': '#amp;', '`': '#96;' };
  return s.replace(/[#"<>&`]/g, (ch) => codes[ch] ?? ch).replace(/\r?\n/g, ' ');
}

/** Escape text for a double-quoted DOT string; newlines become DOT's `\n` line break. */
export function escapeDot(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n');
}

/** Label lines of an epoch node: id and title, tier, then one line per gate rule. */
function epochLabel(e: Epoch): string[] {
  return [`${e.id} ${e.title}`, `tier: ${e.tier}`, ...e.gate.map((g) => `gate: ${describeRule(g)}`)];
}

interface GraphModel {
  epochs: Epoch[];
  edges: { from: string; to: string }[];
}

/** Epochs in topological order and edges rerouted through review nodes (`r<id>`). */
function buildModel(ir: Ir): GraphModel {
  const byId = new Map(ir.epochs.map((e) => [e.id, e]));
  const epochs = topoOrder(ir).map((id) => byId.get(id) as Epoch);
  const edges: GraphModel['edges'] = [];
  for (const e of epochs) if (e.review) edges.push({ from: `e${e.id}`, to: `r${e.id}` });
  for (const { from, to } of epochEdges(ir)) {
    edges.push({ from: byId.get(from)?.review ? `r${from}` : `e${from}`, to: `e${to}` });
  }
  return { epochs, edges };
}

/** Mermaid flowchart text (ends with a newline). */
export function renderMermaid(ir: Ir): string {
  const { epochs, edges } = buildModel(ir);
  const out = ['flowchart TD'];
  for (const e of epochs) {
    out.push(`  e${e.id}["${epochLabel(e).map(escapeMermaid).join('<br/>')}"]`);
    if (e.review) out.push(`  r${e.id}{{"${escapeMermaid(`review: ${e.review.title}`)}"}}`);
  }
  for (const { from, to } of edges) out.push(`  ${from} --> ${to}`);
  return `${out.join('\n')}\n`;
}

/** Graphviz DOT text (ends with a newline). */
export function renderDot(ir: Ir): string {
  const { epochs, edges } = buildModel(ir);
  const out = [`digraph "${escapeDot(ir.project.name)}" {`, '  rankdir=TB;', '  node [shape=box];'];
  for (const e of epochs) {
    out.push(`  "e${e.id}" [label="${epochLabel(e).map(escapeDot).join('\\n')}"];`);
    if (e.review) out.push(`  "r${e.id}" [shape=hexagon, label="${escapeDot(`review: ${e.review.title}`)}"];`);
  }
  for (const { from, to } of edges) out.push(`  "${from}" -> "${to}";`);
  out.push('}');
  return `${out.join('\n')}\n`;
}

/** Run the verb: diagnostics to stderr; the graph (only without errors) to stdout. */
export async function runGraph(spec: string, opts: { format: GraphFormat; color?: boolean }): Promise<number> {
  const checked = await loadAndCheck(spec);
  if (checked.diagnostics.length > 0) reportToStderr(checked.diagnostics, checked.sources, opts.color);
  if (!checked.ir) return EXIT_FINDINGS;
  process.stdout.write(opts.format === 'dot' ? renderDot(checked.ir) : renderMermaid(checked.ir));
  return EXIT_OK;
}
