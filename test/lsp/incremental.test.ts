/**
 * The incremental re-parse (src/lsp/incremental.ts) must give exactly the tree a full parse gives:
 * edit by edit over the example, a typing session in a statement, and edits it must refuse.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSpec } from '../../src/grammar/index.js';
import { reparseStatement, type TextChange } from '../../src/lsp/incremental.js';
import { REPO_ROOT } from '../compiler/helpers/disk-loader.js';

const EXAMPLE = readFileSync(join(REPO_ROOT, 'examples/credit-risk/project.pipeline'), 'utf8');
const full = (text: string) => parseSpec({ path: 'x.pipeline', text }).syntax;
const apply = (text: string, c: TextChange) => text.slice(0, c.start) + c.text + text.slice(c.end);

/** Apply `changes` incrementally; null where one was refused. Each step is compared with a full parse. */
function typeInto(text: string, changes: TextChange[]): number {
  let syntax = full(text);
  let reparsed = 0;
  for (const c of changes) {
    const r = reparseStatement(text, syntax, c);
    text = apply(text, c);
    if (r) {
      reparsed++;
      expect(r.text).toBe(text);
      expect(JSON.parse(JSON.stringify(r.syntax))).toEqual(JSON.parse(JSON.stringify(full(text))));
      syntax = r.syntax;
    } else syntax = full(text);
  }
  return reparsed;
}

const at = (text: string, needle: string, delta = 0) => {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`${needle} not found`);
  return i + delta;
};

describe('incremental re-parse', () => {
  it('equals a full parse while a statement is typed, a character at a time', () => {
    const line = 'uniform(0, 40_000)';
    const start = at(EXAMPLE, line);
    const changes: TextChange[] = [{ start, end: start + line.length, text: '' }];
    for (let k = 0; k < 'normal(5, 2) missing 3% # noisy'.length; k++) changes.push({ start: start + k, end: start + k, text: 'normal(5, 2) missing 3% # noisy'[k] as string });
    // Most steps are refused while the statement is half-written (`normal(5,`): then a full parse runs.
    expect(typeInto(EXAMPLE, changes)).toBeGreaterThan(10);
  });

  it('equals a full parse for one-character edits across the example', () => {
    const edits: TextChange[] = [];
    for (const needle of ['rows 100_000', 'seed 42', 'f1_score >= 0.70', '"Credit risk explorer"', 'budget 40', 'missing 2%', 'stability >= 95%']) {
      const i = at(EXAMPLE, needle);
      edits.push({ start: i + needle.length - 1, end: i + needle.length - 1, text: '7' });
    }
    let reparsed = 0;
    for (const e of edits) reparsed += typeInto(EXAMPLE, [e]);
    expect(reparsed).toBe(edits.length);
  });

  it('keeps positions after the edit right when lines are added and removed', () => {
    const i = at(EXAMPLE, 'tier medium "Medium"');
    const text2 = EXAMPLE;
    expect(typeInto(text2, [{ start: i + 4, end: i + 4, text: '' }, { start: i, end: i + 'tier medium "Medium"'.length, text: 'tier medium "Medium" # two\n' }])).toBe(2);
  });

  it('refuses edits that touch braces, blocks or several statements', () => {
    const syntax = full(EXAMPLE);
    const brace = at(EXAMPLE, 'limits {', 7);
    expect(reparseStatement(EXAMPLE, syntax, { start: brace, end: brace + 1, text: '' })).toBeNull();
    const blank = at(EXAMPLE, '\n\n  use');
    expect(reparseStatement(EXAMPLE, syntax, { start: blank + 1, end: blank + 1, text: 'x' })).toBeNull();
    const two = at(EXAMPLE, 'seed 42');
    expect(reparseStatement(EXAMPLE, syntax, { start: two + 7, end: two + 7, text: '\n    rows 5' })).toBeNull();
    const broken = full('project p {\n  rows (\n}\n');
    expect(reparseStatement('project p {\n  rows (\n}\n', broken, { start: 20, end: 20, text: '' })).toBeNull();
  });
});
