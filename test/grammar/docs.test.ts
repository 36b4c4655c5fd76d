/** The syntax examples in docs/language.md parse cleanly (the semantics part is tested by its owner). */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { parseSpec } from '../../src/grammar/index.js';
import { diagLines } from './helpers.js';

it('every ```pipeline example of the syntax reference parses without diagnostics', () => {
  const doc = readFileSync('docs/language.md', 'utf8');
  const syntaxPart = doc.slice(0, doc.indexOf('## Statements and semantics'));
  const blocks = [...syntaxPart.matchAll(/```pipeline\n([\s\S]*?)```/g)].map((m) => m[1]!.replace(/^ {2}/gm, ''));
  expect(blocks.length).toBeGreaterThanOrEqual(4);
  for (const text of blocks) expect(diagLines(parseSpec({ path: 'doc', text }).diagnostics), text).toEqual([]);
});
