/**
 * The standard lifecycle's defaults as documentation: per epoch, the facts it records, its default
 * gate rules and the review after it, rendered from the IR that `use lifecycle.domino_standard`
 * lowers to — so docs/language.md shows what the compiler really applies (test/docs/lifecycle-doc.test.ts
 * keeps the section in sync). Pure.
 */
import type { Ir } from '../ir/schema.js';
import { formatValue } from './units.js';

/** Markers around the generated section in docs/language.md. */
export const LIFECYCLE_DOC_BEGIN = '<!-- lifecycle defaults: generated from the stdlib by test/docs/lifecycle-doc.test.ts (UPDATE_GOLDEN=1); do not edit -->';
export const LIFECYCLE_DOC_END = '<!-- end of lifecycle defaults -->';

const cell = (s: string) => s.replace(/\|/g, '\\|');

/** The section (between the markers) for the lifecycle epochs of `ir` (a classification project). */
export function renderLifecycleDoc(ir: Ir): string {
  const lines = [
    LIFECYCLE_DOC_BEGIN,
    '',
    '#### Defaults of `lifecycle.domino_standard`',
    '',
    'What every project that says `use lifecycle.domino_standard` gets before its own `epoch NNN { gate { … } }`',
    'rules are added. Facts are recorded by the epoch\'s generated code; a gate rule fails the epoch when its',
    'fact is missing or the comparison is false. Epochs 005 and 006 also record one `metric.<name>` fact per',
    `standard metric of the problem kind (shown here for \`problem ${ir.project.problem}\`).`,
  ];
  for (const e of ir.epochs.filter((x) => !x.custom)) {
    lines.push('', `##### ${e.id} \`${e.name}\` — ${e.title}`, '', `After: ${e.after.length > 0 ? e.after.join(', ') : '—'}.`, '');
    lines.push('| fact | unit | meaning |', '| --- | --- | --- |');
    for (const f of e.produces) lines.push(`| \`${f.name}\` | ${f.unit} | ${cell(f.description)} |`);
    lines.push('', 'Default gate:', '');
    for (const g of e.gate) lines.push(`- \`require ${g.fact} ${g.op} ${formatValue(g.value, g.unit)}\` — ${g.message} (rule ${g.id})`);
    if (e.gate.length === 0) lines.push('- none');
    if (e.review) lines.push('', `Review after this epoch: "${e.review.title}" (\`pipec run --approve ${e.id}\`).`);
  }
  lines.push('', LIFECYCLE_DOC_END);
  return `${lines.join('\n')}\n`;
}
