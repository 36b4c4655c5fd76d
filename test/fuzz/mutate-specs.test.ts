/**
 * Fuzzing the front end with mutated specs (CUE cue/fuzz_test.go style): tokens of real specs are
 * deleted, duplicated, swapped, random characters inserted, the text truncated. checkSpec (which runs
 * parseSpec first) must never throw or hang, and every finding must be a registered Diagnostic with a range that lies
 * inside its file and agrees with its line/column. formatSpec must survive the same inputs, and
 * formatting its own output must change nothing. Fixed seed: failures reproduce.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODES } from '../../src/diagnostics/codes.js';
import type { Diagnostic, Range } from '../../src/diagnostics/types.js';
import { ROOT } from '../cli/helpers.js';

const SEED = 20261127;
const EXAMPLE = readFileSync(join(ROOT, 'examples/credit-risk/project.pipeline'), 'utf8');
const STDLIB_REL = 'lifecycle/domino_standard.pipeline';
const STDLIB = readFileSync(join(ROOT, 'stdlib', STDLIB_REL), 'utf8');
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

/**
 * The front end runs in a worker thread (bundled from src/ by esbuild in beforeAll): still in-process,
 * but a case that loops forever is cut off after MAX_CASE_MS and reported, instead of stalling the run.
 */
const MAX_CASE_MS = 5000;
let bundleDir = '';
let worker: Worker | null = null;
let nextId = 0;

async function startWorker(): Promise<Worker> {
  const w = new Worker(join(ROOT, 'test/fuzz/front-end-worker.mjs'), {
    workerData: { bundle: join(bundleDir, 'front-end.mjs'), stdlib: { [STDLIB_REL]: STDLIB } },
  });
  await new Promise<void>((ready, fail) => {
    w.once('message', () => ready());
    w.once('error', fail);
  });
  return w;
}

/** Check `text` in the worker: its diagnostics and time, or a thrown error / timeout as a failure. */
async function frontEnd(text: string): Promise<{ diags: Diagnostic[]; ms: number; formatted: string | null; reformatted: string | null }> {
  worker ??= await startWorker();
  const w = worker;
  const id = nextId++;
  type Reply = { id: number; diagnostics?: Diagnostic[]; ms?: number; error?: string; formatted?: string | null; reformatted?: string | null };
  const reply = await new Promise<Reply | 'timeout'>((done) => {
    const timer = setTimeout(() => done('timeout'), MAX_CASE_MS);
    const onMessage = (m: Reply) => {
      if (m.id !== id) return;
      clearTimeout(timer);
      w.off('message', onMessage);
      done(m);
    };
    w.on('message', onMessage);
    w.postMessage({ id, path: 'fuzz.pipeline', text });
  });
  if (reply === 'timeout') {
    await w.terminate();
    worker = null;
    throw new Error(`checkSpec did not finish within ${MAX_CASE_MS} ms on:\n${text}`);
  }
  if (reply.error) throw new Error(`checkSpec threw on:\n${text}\n${reply.error}`);
  return { diags: reply.diagnostics ?? [], ms: reply.ms ?? 0, formatted: reply.formatted ?? null, reformatted: reply.reformatted ?? null };
}

beforeAll(async () => {
  bundleDir = mkdtempSync(join(tmpdir(), 'pipec-fuzz-'));
  await build({
    absWorkingDir: ROOT,
    stdin: {
      contents: "export { checkSpec, memoryLoader } from './src/compiler/index.ts'; export { formatSpec } from './src/grammar/format.ts';", resolveDir: ROOT, loader: 'ts' },
    outfile: join(bundleDir, 'front-end.mjs'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
});

afterAll(async () => {
  await worker?.terminate();
  rmSync(bundleDir, { recursive: true, force: true });
});

describe('fuzzing the front end', () => {
  it('tokenizer round-trips the example (mutations start from the real text)', async () => {
    expect(tokenize(EXAMPLE).join('')).toBe(EXAMPLE);
    expect((await frontEnd(EXAMPLE)).diags.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('mutated specs: no throw, no hang, only registered diagnostics with valid ranges, fmt idempotent', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutationArb, { minLength: 1, maxLength: 3 }), async (muts) => {
        const text = mutate(EXAMPLE, muts);
        const { diags, formatted, reformatted } = await frontEnd(text);
        expect(problems('fuzz.pipeline', text, diags)).toEqual([]);
        // fmt of fmt is identical (issue 2 acceptance), for every input the formatter accepts.
        expect(reformatted).toBe(formatted);
      }),
      { numRuns: 300, seed: SEED, endOnFailure: true },
    );
  });

  it('arbitrary short texts: same guarantees', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (text) => {
        const { diags, formatted, reformatted } = await frontEnd(text);
        expect(problems('fuzz.pipeline', text, diags)).toEqual([]);
        expect(reformatted).toBe(formatted);
      }),
      { numRuns: 200, seed: SEED, endOnFailure: true },
    );
  });
});
