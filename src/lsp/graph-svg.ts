/**
 * The epoch DAG as a self-contained SVG, for the editor's graph view (no script, no network: a webview
 * with a strict content policy can show it). Same nodes and edges as `pipec graph` (src/ir/dag.ts):
 * epochs placed in layers by their longest chain of `after`, review points drawn on the epoch's box.
 */
import type { Ir } from '../ir/schema.js';
import { epochEdges, topoOrder } from '../ir/dag.js';
import { describeRule } from '../cli/actions/graph.js';

const W = 260;
const LINE = 16;
const GAP_X = 40;
const GAP_Y = 50;

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Render the DAG of `ir`. Deterministic: same IR, same SVG. */
export function renderSvg(ir: Ir): string {
  const order = topoOrder(ir);
  const edges = epochEdges(ir);
  const byId = new Map(ir.epochs.map((e) => [e.id, e]));
  const layer = new Map<string, number>();
  for (const id of order) {
    const deps = edges.filter((e) => e.to === id).map((e) => (layer.get(e.from) ?? 0) + 1);
    layer.set(id, Math.max(0, ...deps));
  }
  const rows = new Map<number, string[]>();
  for (const id of order) rows.set(layer.get(id) ?? 0, [...(rows.get(layer.get(id) ?? 0) ?? []), id]);
  const label = (id: string): string[] => {
    const e = byId.get(id);
    if (!e) return [id];
    return [`${e.id} ${e.title}`, `tier: ${e.tier}`, ...e.gate.map((g) => `gate: ${describeRule(g)}`), ...(e.review ? [`review: ${e.review.title}`] : [])];
  };
  const heights = new Map(order.map((id) => [id, label(id).length * LINE + 12]));
  const pos = new Map<string, { x: number; y: number }>();
  let y = 10;
  let width = 0;
  for (const [, ids] of [...rows.entries()].sort((a, b) => a[0] - b[0])) {
    ids.forEach((id, i) => pos.set(id, { x: 10 + i * (W + GAP_X), y }));
    width = Math.max(width, ids.length * (W + GAP_X));
    y += Math.max(...ids.map((id) => heights.get(id) ?? 0)) + GAP_Y;
  }
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}" font-family="sans-serif" font-size="12">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>',
  ];
  for (const { from, to } of edges) {
    const a = pos.get(from);
    const b = pos.get(to);
    if (!a || !b) continue;
    out.push(`<line x1="${a.x + W / 2}" y1="${a.y + (heights.get(from) ?? 0)}" x2="${b.x + W / 2}" y2="${b.y}" stroke="#555" marker-end="url(#arrow)"/>`);
  }
  for (const id of order) {
    const p = pos.get(id) as { x: number; y: number };
    const review = byId.get(id)?.review;
    out.push(`<rect x="${p.x}" y="${p.y}" width="${W}" height="${heights.get(id)}" rx="6" fill="${review ? '#fff4d6' : '#eef3fb'}" stroke="#335"/>`);
    label(id).forEach((line, i) => {
      out.push(`<text x="${p.x + 8}" y="${p.y + 18 + i * LINE}"${i === 0 ? ' font-weight="bold"' : ''}>${esc(line.length > 40 ? `${line.slice(0, 39)}…` : line)}</text>`);
    });
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
