/** 3-way merge of text and notebooks: clean merges, conflict markers, newline handling, JSON validity. */
import { describe, expect, it } from 'vitest';
import { hasConflictMarkers, mergeText, splitLines } from '../../src/writer/merge-text.js';
import { canonicalNotebook, mergeNotebook } from '../../src/writer/merge-notebook.js';

describe('mergeText', () => {
  const base = 'a\nb\nc\nd\ne\n';
  it('merges non-overlapping edits from both sides', () => {
    const yours = 'a\nB (mine)\nc\nd\ne\n';
    const gen = 'a\nb\nc\nd\nE (new)\nf\n';
    expect(mergeText(yours, base, gen)).toEqual({ text: 'a\nB (mine)\nc\nd\nE (new)\nf\n', conflicts: 0 });
  });

  it('writes diff3 markers for overlapping edits', () => {
    const r = mergeText('a\nmine\nc\nd\ne\n', base, 'a\ntheirs\nc\nd\ne\n');
    expect(r.conflicts).toBe(1);
    expect(r.text).toBe('a\n<<<<<<< yours\nmine\n||||||| base\nb\n=======\ntheirs\n>>>>>>> generated\nc\nd\ne\n');
    expect(hasConflictMarkers(r.text)).toBe(true);
  });

  it('treats the same change on both sides as clean', () => {
    expect(mergeText('a\nX\nc\nd\ne\n', base, 'a\nX\nc\nd\ne\n')).toEqual({ text: 'a\nX\nc\nd\ne\n', conflicts: 0 });
  });

  it('keeps a missing final newline and never glues a marker to a line', () => {
    expect(splitLines('a\nb')).toEqual(['a\n', 'b']);
    expect(splitLines('')).toEqual([]);
    const r = mergeText('x\nmine', 'x\nold', 'x\nnew');
    expect(r.text).toBe('x\n<<<<<<< yours\nmine\n||||||| base\nold\n=======\nnew\n>>>>>>> generated\n');
  });
});

describe('mergeNotebook', () => {
  const nb = (cells: string[][], extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      cells: cells.map((src, i) => ({ cell_type: 'code', id: `c${i}`, metadata: {}, execution_count: null, outputs: [], source: src.join('') })),
      metadata: { kernelspec: { name: 'python3' }, ...extra },
      nbformat: 4,
      nbformat_minor: 5,
    });

  it('merges a user cell edit with a generated cell change into valid canonical JSON', () => {
    const base = nb([['import pandas as pd\n', 'df = load()'], ['plot(df)']]);
    const yours = nb([['import pandas as pd\n', 'df = load()\n', 'df = df.dropna()  # mine'], ['plot(df)']]);
    const gen = nb([['import pandas as pd\n', 'df = load()'], ['plot(df, columns=["age", "tenure"])']]);
    const r = mergeNotebook(yours, base, gen);
    expect(r.conflicts).toBe(0);
    const merged = JSON.parse(r.text) as { cells: { source: string[] }[] };
    expect(merged.cells[0]!.source.join('')).toBe('import pandas as pd\ndf = load()\ndf = df.dropna()  # mine');
    expect(merged.cells[1]!.source.join('')).toBe('plot(df, columns=["age", "tenure"])');
    expect(r.text).toBe(canonicalNotebook(merged)); // round-trips: canonical form is a fixed point
  });

  it('reports a conflict when both sides change the same source line', () => {
    const base = nb([['x = 1']]);
    const r = mergeNotebook(nb([['x = 2']]), base, nb([['x = 3']]));
    expect(r.conflicts).toBe(1);
    expect(r.text).toContain('<<<<<<< yours');
  });

  it('canonical form matches nbformat: sorted keys, indent 1, source as lines', () => {
    expect(canonicalNotebook({ b: 1, a: { source: 'x\ny' } })).toBe('{\n "a": {\n  "source": [\n   "x\\n",\n   "y"\n  ]\n },\n "b": 1\n}\n');
  });
});
