import { describe, expect, it } from 'vitest';
import { renderPretty, renderSummary, shouldUseColor } from '../../src/diagnostics/render-pretty.js';
import { renderFrame, splitLines } from '../../src/diagnostics/render-frame.js';
import { sortDiagnostics } from '../../src/diagnostics/types.js';
import { FIXTURE_FILE, FIXTURE_TEXT, fixtureDiagnostics } from './render-fixtures.js';
import { expectGolden, rangeOf } from './helpers.js';

const lookup = (f: string) => (f === FIXTURE_FILE ? FIXTURE_TEXT : undefined);
const plain = { gutter: (s: string) => s, marker: (s: string) => s };

describe('renderPretty', () => {
  it('matches the golden report without colour', () => {
    expectGolden('pretty-fixture.txt', renderPretty(sortDiagnostics(fixtureDiagnostics()), lookup, { color: false }));
  });

  it('matches the golden report with colour', () => {
    const out = renderPretty(sortDiagnostics(fixtureDiagnostics()), lookup, { color: true });
    expect(out).toContain('\u001b[31m');
    expectGolden('pretty-fixture-color.txt', out);
  });

  it('prints nothing when there are no diagnostics', () => {
    expect(renderPretty([], lookup, { color: false })).toBe('');
  });

  it('puts the header, location, carets, note and help in rustc order', () => {
    const [dup] = fixtureDiagnostics();
    const out = renderPretty([dup!], lookup, { color: false }).split('\n');
    expect(out.slice(0, 11)).toEqual([
      'error[PC2001]: column "âge" is defined twice',
      ' --> specs/demo.pipeline:6:10',
      '  |',
      '6 |   column âge float',
      '  |          ^^^',
      'note: first defined here',
      ' --> specs/demo.pipeline:2:9',
      '  |',
      '2 |     column âge int',
      '  |            ---',
      'help: rename one of the two columns',
    ]);
  });
});

describe('renderFrame', () => {
  it('expands tabs and counts wide characters as two cells', () => {
    const lines = splitLines(FIXTURE_TEXT);
    const frame = renderFrame(lines, rangeOf(FIXTURE_TEXT, '名前'), '^', plain).lines;
    expect(frame[1]).toBe('3 |   column 名前 category { a: 50%, b: 40% }');
    expect(frame[2]).toBe('  |          ^^^^');
  });

  it('marks every line of a multi-line range', () => {
    const r = { start: rangeOf(FIXTURE_TEXT, 'a +').start, end: rangeOf(FIXTURE_TEXT, 'b * c').end };
    expect(renderFrame(splitLines(FIXTURE_TEXT), r, '^', plain).lines).toEqual([
      '  |',
      '4 |   derive x = a +',
      '  |              ^^^',
      '5 |      b * c',
      '  |      ^^^^^',
    ]);
  });

  it('elides the middle of long ranges and clamps out-of-bounds positions', () => {
    const text = Array.from({ length: 12 }, (_, i) => `line ${i + 1}`).join('\n');
    const r = { start: { offset: 0, line: 1, column: 1 }, end: { offset: 999, line: 11, column: 99 } };
    const lines = renderFrame(splitLines(text), r, '^', plain).lines;
    expect(lines).toContain('...');
    expect(lines.filter((l) => /^\s*\d+ \|/.test(l)).map((l) => l.trim().split(' ')[0])).toEqual(['1', '2', '10', '11']);
    const beyond = { start: { offset: 0, line: 40, column: 70 }, end: { offset: 0, line: 40, column: 70 } };
    expect(renderFrame(splitLines('ab'), beyond, '^', plain).lines).toEqual(['  |', '1 | ab', '  |   ^']);
  });

  it('treats a range ending at column 1 as ending on the previous line', () => {
    const text = 'abc\ndef\n';
    const r = { start: { offset: 0, line: 1, column: 1 }, end: { offset: 4, line: 2, column: 1 } };
    expect(renderFrame(splitLines(text), r, '^', plain).lines).toEqual(['  |', '1 | abc', '  | ^^^']);
  });
});

describe('renderSummary and colour choice', () => {
  it('counts by severity with plurals', () => {
    expect(renderSummary(fixtureDiagnostics(), { color: false })).toBe('error: 3 errors, 1 warning, 1 info');
    expect(renderSummary(fixtureDiagnostics().slice(1, 2), { color: false })).toBe('warning: 1 warning');
    expect(renderSummary([], { color: false })).toBe('');
  });

  it('honours --no-color, NO_COLOR, FORCE_COLOR and the TTY', () => {
    expect(shouldUseColor({ isTTY: true, env: {} })).toBe(true);
    expect(shouldUseColor({ isTTY: false, env: {} })).toBe(false);
    expect(shouldUseColor({ isTTY: true, env: { TERM: 'dumb' } })).toBe(false);
    expect(shouldUseColor({ isTTY: true, env: { NO_COLOR: '1' } })).toBe(false);
    expect(shouldUseColor({ isTTY: false, env: { FORCE_COLOR: '1' } })).toBe(true);
    expect(shouldUseColor({ isTTY: true, env: { FORCE_COLOR: '0' } })).toBe(false);
    expect(shouldUseColor({ isTTY: false, env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).toBe(false);
    expect(shouldUseColor({ flag: false, isTTY: true, env: { FORCE_COLOR: '1' } })).toBe(false);
  });
});
