/**
 * Hover: what the name under the cursor means — a fact (unit, description, producing epoch), an epoch
 * (title, after, tier, gate rules, review), a column or derived feature, a model, a metric, a tier, a
 * unit, a statement keyword — plus `pipec explain` for any diagnostic at that place.
 */
import type { Hover } from 'vscode-languageserver';
import { codeInfo } from '../diagnostics/codes.js';
import type { ResolvedEpoch } from '../compiler/resolve-model.js';
import type { Analysis } from './analysis.js';
import {
  columns, derives, describeModel, epochs, epochTitle, facts, FUNCTIONS, metricsOf, problemOf, QUANTITY_UNITS, sourceOf, tiers,
  type ServerEnv,
} from './knowledge.js';
import { keywords, locate, toLspRange, within } from './locate.js';
import { KEYWORD_DOCS } from './vocabulary.js';

/** Markdown for `pipec explain CODE`. */
export function explainMarkdown(code: string): string | null {
  const info = codeInfo(code);
  if (!info) return null;
  return `**${info.code}** (${info.severity}): ${info.title}\n\n${info.explanation}\n\n*Fix:* ${info.fix}\n\n\`\`\`pipeline\n${info.example}\n\`\`\``;
}

/** Markdown describing one epoch. */
export function epochMarkdown(a: Analysis, env: ServerEnv, e: ResolvedEpoch): string {
  const lines = [`**epoch ${e.id}** ${e.base.name?.value ?? ''} — ${epochTitle(e)}${e.custom ? ' (defined in this spec)' : ''}`];
  if (e.after.length > 0) lines.push(`- after: ${e.after.map((x) => x.value).join(', ')}`);
  if (e.tier) lines.push(`- tier: ${e.tier.value}`);
  if (e.produces.length > 0) lines.push(`- produces: ${e.produces.map((f) => `\`${f.name.value}\` (${f.unit.value})`).join(', ')}`);
  for (const g of e.gate) lines.push(`- gate: \`${sourceOf(a, env, g.rule)}\`${g.origin === 'stdlib' ? ' (stdlib)' : ''}`);
  const review = a.spec?.reviews.get(e.id);
  if (review) lines.push(`- review after it: "${review.title.value}"`);
  return lines.join('\n');
}

/** Hover at `offset`, or null where there is nothing to say. */
export function hover(a: Analysis, env: ServerEnv, offset: number): Hover | null {
  const parts: string[] = [];
  const cur = locate(a.syntax, offset);
  const node = cur.node;
  const kws = keywords(cur.chain);
  const stmt = kws[kws.length - 1] ?? '';
  let range = node ? toLspRange(node.range) : undefined;
  if (node?.kind === 'Word' && node === cur.chain[cur.chain.length - 1]?.keyword) {
    const doc = KEYWORD_DOCS[node.name];
    if (doc) parts.push(`**${node.name}** — ${doc}`);
  } else if (node?.kind === 'Name') parts.push(...describeName(a, env, node.text, stmt, kws));
  else if (node?.kind === 'Number' && (stmt === 'epoch' || stmt === 'after' || stmt === 'review') && /^\d{1,3}$/.test(node.raw)) {
    const e = epochs(a).find((x) => x.id === node.raw.padStart(3, '0'));
    if (e) parts.push(epochMarkdown(a, env, e));
  } else if (node?.kind === 'Quantity') {
    parts.push(`\`${node.raw}\` — ${node.value} ${QUANTITY_UNITS[node.unit] ?? node.unit}`);
  }
  for (const d of a.diagnostics) {
    if (d.file !== a.path || !d.range || !within(d.range, offset)) continue;
    const md = explainMarkdown(d.code);
    if (md) parts.push(md);
    range ??= toLspRange(d.range);
  }
  if (parts.length === 0) return null;
  return { contents: { kind: 'markdown', value: [...new Set(parts)].join('\n\n---\n\n') }, ...(range ? { range } : {}) };
}

/** What a (dotted) name means where it stands. */
function describeName(a: Analysis, env: ServerEnv, name: string, stmt: string, kws: string[]): string[] {
  const out: string[] = [];
  const fact = facts(a).get(name);
  if (fact) {
    const by = fact.epoch ? `produced by epoch ${fact.epoch.id} (${epochTitle(fact.epoch)})` : 'no epoch produces it';
    out.push(`**fact** \`${name}\`: ${fact.fact.unit.value}${fact.fact.description ? ` — ${fact.fact.description}` : ''}\n\n${by}`);
  }
  const col = columns(a).find((c) => c.name.value === name);
  if (col) out.push(`**column** \`${name}\`: ${col.type.value} — \`${sourceOf(a, env, col)}\``);
  const target = a.project?.data?.target;
  if (target && target.name.value === name) out.push(`**target** \`${name}\`: ${target.kind.value}`);
  const derive = derives(a).find((d) => d.name.value === name);
  if (derive) out.push(`**derived feature** \`${name}\` = \`${sourceOf(a, env, { file: derive.file, range: derive.formula.range })}\``);
  const model = describeModel(name);
  if (model) out.push(model);
  const problem = problemOf(a);
  const metrics = metricsOf(problem);
  if (stmt === 'metric' && kws.length <= 2) {
    out.push(metrics.all.includes(name)
      ? `**metric** \`${name}\` — a standard ${problem} metric, recorded as fact \`metric.${name}\`${name === metrics.dflt ? ' (the default)' : ''}`
      : `\`${name}\` is not a ${problem} metric; use one of ${metrics.all.join(', ')}`);
  }
  const tier = tiers(a).get(name);
  if (tier && (stmt === 'tier' || kws.includes('epoch'))) out.push(`**tier** \`${name}\` → Domino hardware tier "${tier.hardware.value}"`);
  const fn = FUNCTIONS[name];
  if (fn) out.push(`**function** \`${name}\` (${fn[0] === fn[1] ? fn[0] : `${fn[0]}–${fn[1]}`} argument${fn[1] > 1 ? 's' : ''})`);
  if (name.startsWith('lifecycle.')) out.push(`**library** \`${name}\` — the Domino ML lifecycle: 8 epochs, their facts, gates, tiers and reviews`);
  return out;
}
