/**
 * Fuzzing the front end with mutated specs (CUE cue/fuzz_test.go style): tokens of real specs are
 * deleted, duplicated, swapped, random characters inserted, the text truncated. checkSpec (which runs
 * parseSpec first) must never throw or hang, and every finding must be a registered Diagnostic with a range that lies
 * inside its file and agrees with its line/column. Fixed seed: failures reproduce.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSpec } from '../../src/compiler/index.js';
import { memoryLoader } from '../../src/compiler/stdlib-loader.js';
import { CODES } from '../../src/diagnostics/codes.js';
import type { Diagnostic, Range } from '../../src/diagnostics/types.js';
import { ROOT } from '../cli/helpers.js';

const SEED = 20261127;
const EXAMPLE = readFileSync(join(ROOT, 'examples/credit-risk/project.pipeline'), 'utf8');
const STDLIB_REL = 'lifecycle/domino_standard.pipeline';
const STDLIB = readFileSync(join(ROOT, 'stdlib', STDLIB_REL), 'utf8');
const loadLibrary = memoryLoader({ [STDLIB_REL]: STDLIB });
const texts = new Map<string, string>([[`<stdlib>/${STDLIB_REL}`, STDLIB]]);

/** Split into tokens keeping whitespace, so joining the pieces gives the text back. */
export function tokenize(text: string): string[] {
  return text.match(/\s+|"(?:[^"\\\n]|\\.)*"?|[A-Za-z_][\w.]*|\d[\w.]*%?|#[^\n]*|./g) ?? [];
}

type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'swap'; at: number; with: number }
  | { kind: 'insert'; at: number; chars: string }
  | { kind: 'truncate'; at: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    chars: fc.oneof(
      fc.string({ minLength: 1, maxLength: 3 }),
      fc.constantFrom('{', '}', '(', ')', '"', '\\', '%', ',', ':', '\n', '\t', '#', '=', '>=', '-', '.', '[', ']', '\u00e9', '\u540d', '\ud83d\ude00'),
    ),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

/** Apply mutations to the token list of `text`. */
function mutate(text: string, muts: readonly Mutation[]): string {
  let toks = tokenize(text);
  for (const m of muts) {
    const n = toks.length;
    if (n === 0) break;
    const i = m.at % n;
    if (m.kind === 'delete') toks.splice(i, 1);
    else if (m.kind === 'duplicate') toks.splice(i, 0, toks[i]!);
    else if (m.kind === 'swap') {
      const j = m.with % n;
      [toks[i], toks[j]] = [toks[j]!, toks[i]!];
    } else if (m.kind === 'insert') toks.splice(i, 0, m.chars);
    else toks = toks.slice(0, i);
  }
  return toks.join('');
}

/** Line/column of an offset, as the Range contract defines them (1-based, UTF-16). */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

function rangeProblem(text: string | undefined, r: Range): string | null {
  if (text === undefined) return 'range in a file that was never loaded';
  if (!(r.start.offset >= 0 && r.start.offset <= r.end.offset && r.end.offset <= text.length)) {
    return `offsets ${r.start.offset}..${r.end.offset} outside 0..${text.length}`;
  }
  for (const p of [r.start, r.end]) {
    const want = position(text, p.offset);
    if (want.line !== p.line || want.column !== p.column) return `offset ${p.offset} is ${want.line}:${want.column}, range says ${p.line}:${p.column}`;
  }
  return null;
}

/** Every problem with a list of diagnostics for `path`/`text` (empty when all are well-formed). */
function problems(path: string, text: string, diags: readonly Diagnostic[]): string[] {
  const out: string[] = [];
  const files = new Map(texts);
  files.set(path, text);
  for (const d of diags) {
    if (!CODES.has(d.code)) out.push(`${d.code}: not registered`);
    if (!d.message) out.push(`${d.code}: empty message`);
    if (d.range) {
      const p = rangeProblem(files.get(d.file), d.range);
      if (p) out.push(`${d.code} ${d.file}: ${p}`);
    }
    for (const rel of d.related ?? []) {
      const p = rangeProblem(files.get(rel.file), rel.range);
      if (p) out.push(`${d.code} related ${rel.file}: ${p}`);
    }
  }
  return out;
}

/** Run parse + check; returns the diagnostics and the time taken. */
function frontEnd(text: string): { diags: Diagnostic[]; ms: number } {
  const file = { path: 'fuzz.pipeline', text };
  const t0 = performance.now();
  const checked = checkSpec(file, { loadLibrary });
  return { diags: checked.diagnostics, ms: performance.now() - t0 };
}

/** A case must finish in this time even on a loaded 2-core machine; a hang fails instead of stalling CI. */
const MAX_CASE_MS = 3000;

describe('fuzzing the front end', () => {
  it('tokenizer round-trips the example (mutations start from the real text)', () => {
    expect(tokenize(EXAMPLE).join('')).toBe(EXAMPLE);
    expect(frontEnd(EXAMPLE).diags.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('mutated specs: no throw, no hang, only registered diagnostics with valid ranges', () => {
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (muts) => {
        const text = mutate(EXAMPLE, muts);
        const { diags, ms } = frontEnd(text);
        expect(problems('fuzz.pipeline', text, diags)).toEqual([]);
        expect(ms).toBeLessThan(MAX_CASE_MS);
      }),
      { numRuns: 300, seed: SEED, endOnFailure: true },
    );
  });

  it('arbitrary short texts: same guarantees', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const { diags, ms } = frontEnd(text);
        expect(problems('fuzz.pipeline', text, diags)).toEqual([]);
        expect(ms).toBeLessThan(MAX_CASE_MS);
      }),
      { numRuns: 200, seed: SEED, endOnFailure: true },
    );
  });
});
