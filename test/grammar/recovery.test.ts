/** Error recovery: one run reports every independent syntax error, and keeps every good statement. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parseSpec } from '../../src/grammar/index.js';
import { diagLines } from './helpers.js';

it('reports each broken line once and keeps the statements that parsed', () => {
  const text = readFileSync(join(import.meta.dirname, 'golden', 'recovery.pipeline'), 'utf8');
  const { syntax, diagnostics } = parseSpec({ path: 'recovery.pipeline', text });
  expect(diagLines(diagnostics)).toEqual([
    'PC0006 3:13-3:13 expected a value after `=`, found the end of the line',
    'PC0011 4:25-4:26 `(` is never closed: expected `)`',
    'PC0005 6:19-6:21 unknown unit `XB` in `50XB`',
    'PC0002 7:8-7:21 unterminated string: missing the closing `"`',
    'PC0008 8:3-8:4 a statement must start with a name, not `3`',
    'PC0006 9:22-9:23 expected a value after `:`, found `}`',
  ]);
  const kept = syntax.statements[0]!.block!.statements.map((s) => s.keyword.name);
  // `column age` and `name` were repaired (bracket closed, string ended at the line end); broken ones dropped.
  expect(kept).toEqual(['title', 'column', 'column', 'name', 'title']);
});

it('errors in nested blocks do not lose the outer structure', () => {
  const text = 'a {\n  b {\n    c 1 +\n    d 2\n  }\n  e @\n  f [1 2]\n  g 3\n}\n';
  const { syntax, diagnostics } = parseSpec({ path: 't', text });
  expect(diagnostics.map((d) => `${d.code}@${d.range!.start.line}`)).toEqual(['PC0006@3', 'PC0001@6', 'PC0007@7']);
  const a = syntax.statements[0]!;
  expect(a.block!.statements.map((s) => s.keyword.name)).toEqual(['b', 'e', 'g']);
  expect(a.block!.statements[0]!.block!.statements.map((s) => s.keyword.name)).toEqual(['d']);
});
