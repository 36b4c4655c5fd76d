/**
 * Shape-phase unit tests on hand-built syntax trees: they pin down how statement arguments are read
 * independently of the parser's exact choices (e.g. `every 10% or 5m` as one `or` expression or as
 * separate words).
 */
import { describe, expect, it } from 'vitest';
import type { Expr, Statement, SyntaxFile } from '../../src/grammar/syntax.js';
import type { Range } from '../../src/diagnostics/types.js';
import { Reporter } from '../../src/compiler/report.js';
import { shapeLifecycle, shapeProject } from '../../src/compiler/shape-file.js';

// Every node gets a distinct one-character range on its own line, so diagnostics can be traced.
let line = 0;
const r = (): Range => { line++; return { start: { offset: line * 10, line, column: 1 }, end: { offset: line * 10 + 1, line, column: 2 } }; };
const name = (text: string): Expr => ({ kind: 'Name', parts: text.split('.'), text, range: r() });
const num = (value: number, raw = String(value)): Expr => ({ kind: 'Number', value, raw, range: r() });
const qty = (value: number, unit: '%' | 'm' | 'MB' | 'GB' | 's', raw = `${value}${unit}`): Expr => ({ kind: 'Quantity', value, unit, raw, range: r() });
const or = (left: Expr, right: Expr): Expr => ({ kind: 'Binary', op: 'or', left, right, opRange: r(), range: r() });
const stmt = (keyword: string, args: Expr[], body?: Statement[]): Statement => ({
  kind: 'Statement', keyword: { kind: 'Word', name: keyword, range: r() }, args,
  block: body ? { kind: 'Block', statements: body, range: r() } : null, range: r(),
});
const file = (...statements: Statement[]): SyntaxFile => ({ kind: 'File', path: 'hand.pipeline', statements, comments: [], range: r() });

const baseProject = (...extra: Statement[]) => file(stmt('project', [name('p')], [
  stmt('problem', [name('classification')]),
  stmt('target', [name('y')]),
  stmt('data', [name('synthetic')], [stmt('rows', [num(10)])]),
  ...extra,
]));

describe('shape on hand-built trees', () => {
  it('reads `checkpoint every 10% or 5m` both as one `or` expression and as separate words', () => {
    for (const args of [[name('every'), or(qty(10, '%'), qty(5, 'm'))], [name('every'), qty(10, '%'), name('or'), qty(5, 'm')]]) {
      const rep = new Reporter();
      const p = shapeProject(baseProject(stmt('limits', [], [stmt('checkpoint', args)])), rep);
      expect(rep.diagnostics).toEqual([]);
      expect(p?.limits?.checkpointPercent?.value).toBe(10);
      expect(p?.limits?.checkpointSeconds?.value).toBe(300);
    }
  });

  it('normalises epoch numbers to three digits and sizes to bytes', () => {
    const rep = new Reporter();
    const lib = shapeLifecycle(file(stmt('lifecycle', [name('l')], [
      stmt('epoch', [num(5, '5'), name('train')], [stmt('estimate', [qty(90, 'm'), qty(1.5, 'GB')])]),
      stmt('limits', [], [stmt('max_file_size', [qty(50, 'MB')])]),
    ])), rep);
    expect(rep.diagnostics).toEqual([]);
    expect(lib?.epochs[0]?.id.value).toBe('005');
    expect(lib?.epochs[0]?.estimate).toMatchObject({ minutes: 90, memoryGb: 1.5 });
    expect(lib?.limits?.maxFileSize?.value).toBe(52_428_800);
  });

  it('reports the wrong unit family and wrong argument kinds at the argument', () => {
    const rep = new Reporter();
    const bad = qty(5, 's');
    const title = num(3);
    shapeProject(baseProject(stmt('limits', [], [stmt('max_memory', [bad])]), stmt('title', [title])), rep);
    expect(rep.diagnostics.map((d) => [d.code, d.range?.start.line])).toEqual([
      ['PC1012', bad.range.start.line], ['PC1004', title.range.start.line],
    ]);
  });

  it('refuses a block on a statement that takes none, and a second project', () => {
    const rep = new Reporter();
    const extra = stmt('project', [name('q')], []);
    const f = baseProject(stmt('metric', [name('f1_score')], []));
    f.statements.push(extra);
    shapeProject(f, rep);
    expect(rep.diagnostics.map((d) => d.code).sort()).toEqual(['PC1009', 'PC1010']);
    expect(rep.diagnostics.find((d) => d.code === 'PC1009')?.message).toBe('`metric` does not take a block');
  });

  it('keeps string map keys and share ranges for category columns', () => {
    const rep = new Reporter();
    const map: Expr = { kind: 'Map', range: r(), entries: [
      { kind: 'MapEntry', key: 'self employed', keyRange: r(), quotedKey: true, value: qty(40, '%'), range: r() },
      { kind: 'MapEntry', key: 'other', keyRange: r(), quotedKey: false, value: qty(60, '%'), range: r() },
    ] };
    const p = shapeProject(file(stmt('project', [name('p')], [
      stmt('problem', [name('classification')]), stmt('target', [name('y')]),
      stmt('data', [name('synthetic')], [stmt('rows', [num(10)]), stmt('column', [name('job'), name('category'), map])]),
    ])), rep);
    expect(rep.diagnostics).toEqual([]);
    expect(p?.data?.columns[0]?.categories?.map((c) => [c.value, c.share])).toEqual([['self employed', 40], ['other', 60]]);
  });
});
