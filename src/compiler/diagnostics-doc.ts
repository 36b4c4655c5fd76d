/**
 * docs/diagnostics.md, generated from the code registry so the docs can never drift from the codes
 * (test/diagnostics/docs.test.ts compares; UPDATE_GOLDEN=1 rewrites).
 */
import { CODES, type CodeInfo } from '../diagnostics/codes.js';

const GROUPS: [string, string][] = [
  ['PC0', 'Syntax'], ['PC1', 'Statement shape'], ['PC2', 'Names and references'], ['PC3', 'Data and features'],
  ['PC4', 'Models and metrics'], ['PC5', 'Gates and facts'], ['PC6', 'Limits and platform'],
  ['PC7', 'Epochs, reviews and deployment'], ['PC8', 'Domino Flows'], ['PC9', 'Files and CLI'],
];

function entry(c: CodeInfo): string {
  // A fence longer than any backtick run inside the example keeps the markdown valid.
  const fence = '`'.repeat(Math.max(3, ...[...c.example.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  return [
    `### ${c.code}: ${c.title}`,
    '',
    `Severity: **${c.severity}**`,
    '',
    c.explanation,
    '',
    'Example:',
    '',
    `${fence}pipeline`,
    c.example,
    fence,
    '',
    `Fix: ${c.fix}`,
    '',
  ].join('\n');
}

/** The full markdown of docs/diagnostics.md. */
export function renderDiagnosticsDoc(codes: ReadonlyMap<string, CodeInfo> = CODES): string {
  const out = [
    '# Diagnostics',
    '',
    '<!-- Generated from src/diagnostics/codes-*.ts by test/diagnostics/docs.test.ts (UPDATE_GOLDEN=1). Do not edit. -->',
    '',
    'Every problem pipec reports has a stable code. `pipec explain <CODE>` prints the entry below.',
    'Severities: **error** stops compilation (exit 1), **warning** and **info** do not.',
    '',
  ];
  for (const [prefix, title] of GROUPS) {
    const group = [...codes.values()].filter((c) => c.code.startsWith(prefix));
    if (group.length === 0) continue;
    out.push(`## ${title} (${prefix}xxx)`, '');
    for (const c of group) out.push(entry(c));
  }
  return `${out.join('\n').trimEnd()}\n`;
}
