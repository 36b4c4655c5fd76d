/**
 * Property tests (fast-check): the parser never throws and every problem is a registered diagnostic with
 * a consistent range; generated trees round-trip through print → parse; valid inputs round-trip through
 * fmt with the same tree, and fmt is idempotent.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Position } from '../../src/diagnostics/types.js';
import { codeInfo } from '../../src/diagnostics/codes.js';
import { formatSpec, parseSpec } from '../../src/grammar/index.js';
import { printStatements, statements } from './arbitraries.js';
import { stripRanges } from './helpers.js';

const EXAMPLE = readFileSync('examples/credit-risk/project.pipeline', 'utf8');

/** 1-based line/column of an offset, counting \r\n, \r and \n as line breaks. */
function positionAt(text: string, offset: number): Position {
  let line = 1;
  let col = 1;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) (line++, (col = 1));
    else col++;
  }
  return { offset, line, column: col };
}

function checkInvariants(text: string): void {
  const { syntax, diagnostics } = parseSpec({ path: 'fuzz.pipeline', text });
  for (const d of diagnostics) {
    expect(codeInfo(d.code), d.code).toBeDefined();
    if (!d.range) continue;
    expect(d.range.start.offset).toBeLessThanOrEqual(d.range.end.offset);
    expect(d.range.end.offset).toBeLessThanOrEqual(text.length);
    expect(d.range.start).toEqual(positionAt(text, d.range.start.offset));
  }
  for (const s of syntax.statements) expect(s.range.start).toEqual(positionAt(text, s.range.start.offset));
  const f = formatSpec(text);
  if (diagnostics.some((d) => d.severity === 'error')) {
    expect(f.text).toBeNull();
    return;
  }
  const again = parseSpec({ path: 'fuzz.pipeline', text: f.text! });
  expect(again.diagnostics).toEqual([]);
  expect(stripRanges(again.syntax)).toEqual(stripRanges(syntax));
  expect(formatSpec(f.text!).text).toBe(f.text);
}

/** Yield to the event loop between runs, so the test worker stays responsive on a busy machine. */
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

const SNIPPETS = ['{', '}', '(', ')', '[', ']', '"', '\\', ',', ':', ';', '\n', ' ', '#', '=', '<', '-', '%', '5m', '1__0', 'x', 'and', '\u0000', '😀', 'epoch 005 {', 'uniform(1,', '{ a: 1'];
const mutation = fc.record({ at: fc.nat(), del: fc.nat({ max: 12 }), ins: fc.array(fc.constantFrom(...SNIPPETS), { maxLength: 3 }) });

describe('parser properties', () => {
  it('arbitrary text: no throw, registered codes, consistent ranges', async () => {
    const alphabet = fc.constantFrom(...SNIPPETS, 'a', 'b', '1', '.', '\r', '\t', '@', '\uFFFF', '\uD800');
    await fc.assert(fc.asyncProperty(fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')), async (t) => (await tick(), checkInvariants(t))), { numRuns: 300 });
  });

  it('mutated example specs: no throw; valid ones round-trip through fmt', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (ms) => {
        await tick();
        let text = EXAMPLE;
        for (const m of ms) {
          const at = m.at % (text.length + 1);
          text = text.slice(0, at) + m.ins.join('') + text.slice(at + m.del);
        }
        checkInvariants(text);
      }),
      { numRuns: 200 },
    );
  });

  /** parse(print(tree)) is the tree and fmt keeps it, for 100 trees drawn from `seed`. */
  async function generatedTrees(seed: number): Promise<void> {
    await fc.assert(
      fc.asyncProperty(statements, fc.array(fc.nat(), { minLength: 1, maxLength: 64 }), async (tree, seeds) => {
        await tick();
        let i = 0;
        const text = printStatements(tree, () => seeds[i++ % seeds.length]!);
        const { syntax, diagnostics } = parseSpec({ path: 'gen.pipeline', text });
        expect(diagnostics).toEqual([]);
        expect((stripRanges(syntax) as { statements: unknown }).statements).toEqual(tree);
        checkInvariants(text);
      }),
      { numRuns: 100, seed },
    );
  }

  // Seeded, so CI is reproducible. 1232612364 is the unseeded CI run that found balanced text the bracket
  // pass rejected (a `{` on a continued, deeper-indented line; see brackets.test.ts for the shrunk case).
  it('generated trees: parse(print(tree)) is the tree, and fmt keeps it', () => generatedTrees(20261130));
  it('generated trees, seed 1232612364 (once failed with PC0010/PC0012)', () => generatedTrees(1232612364));
});
