/** Every PC0xxx syntax code: exact code, range (1-based, end exclusive) and message for a small input. */
import { describe, expect, it } from 'vitest';
import { parseSpec } from '../../src/grammar/index.js';
import { codeInfo } from '../../src/diagnostics/codes.js';
import { diagLines, parseDiags, rangeText } from './helpers.js';

const cases: [string, string, string[]][] = [
  ['PC0001 unknown character', 'column age@ int\n', ['PC0001 1:11-1:12 unknown character `@` (U+0040)']],
  ['PC0001 control characters', 'a \u0000\u0001 b\n', ['PC0001 1:3-1:5 unknown characters starting with U+0000']],
  ['PC0002 unterminated string', 'title "Credit\nrows 1\n', ['PC0002 1:7-1:14 unterminated string: missing the closing `"`']],
  ['PC0003 invalid escape', 'title "C:\\data"\n', ['PC0003 1:10-1:12 invalid escape `\\d` in a string']],
  ['PC0003 code point too large', 't "\\u{110000}"\n', ['PC0003 1:4-1:14 invalid unicode escape `\\u{110000}`']],
  ['PC0003 short \\u escape', 't "\\u12"\n', ['PC0003 1:4-1:8 invalid unicode escape `\\u12`']],
  ['PC0004 invalid number', 'chunk_rows 10__000\n', ['PC0004 1:12-1:19 invalid number `10__000`']],
  ['PC0004 two decimal points', 'x 1.2.3\n', ['PC0004 1:3-1:8 invalid number `1.2.3`']],
  ['PC0005 unknown unit', 'max_file_size 50XB\n', ['PC0005 1:17-1:19 unknown unit `XB` in `50XB`']],
  ['PC0006 value after =', 'derive x =\n', ['PC0006 1:11-1:11 expected a value after `=`, found the end of the line']],
  ['PC0006 value after ,', 'x f(1,,2)\n', ['PC0006 1:7-1:8 expected a value after `,`, found `,`']],
  ['PC0006 value after operator at end of file', 'x 1 *', ['PC0006 1:6-1:6 expected a value after `*`, found the end of the file']],
  ['PC0007 stray colon', 'split test 20% : 5\n', ['PC0007 1:16-1:17 unexpected `:` after `20%`']],
  ['PC0007 list without comma', 'list [1 2]\n', ['PC0007 1:9-1:10 expected `,` or `]` in the list, found `2`']],
  ['PC0007 map key without colon', 'm { a: 1, b 2 }\n', ['PC0007 1:13-1:14 expected `:` after map key `b`, found `2`']],
  ['PC0008 line starts with a number', '005 epoch {}\n', ['PC0008 1:1-1:4 a statement must start with a name, not `005`']],
  ['PC0009 two statements on a line', 'limits {} data 1\n', ['PC0009 1:11-1:15 `data` starts a new statement on the same line']],
  ['PC0011 unclosed (', 'column age int uniform(18, 80\n', ['PC0011 1:23-1:24 `(` is never closed: expected `)`']],
  ['PC0011 unclosed [', 'x [1, 2\ny 1\n', ['PC0011 1:3-1:4 `[` is never closed: expected `]`']],
  ['PC0012 unmatched )', 'column age int uniform(18, 80))\n', ['PC0012 1:31-1:32 unmatched `)`: there is no open `(` to close']],
  ['PC0012 unmatched }', 'a 1\n}\n', ['PC0012 2:1-2:2 unmatched `}`: there is no open `{` to close']],
  ['PC0013 ( closed by ]', 'column age int uniform(18, 80]\n', ['PC0013 1:30-1:31 `(` is closed by `]`']],
  ['PC0014 block on its own line', 'limits\n{\n  max_memory 12GB\n}\n', ['PC0014 2:1-2:2 a block `{` must start on the same line as its statement']],
];

describe('syntax diagnostics', () => {
  for (const [name, text, expected] of cases) {
    it(name, () => expect(parseDiags(text)).toEqual(expected));
  }

  it('PC0010 unclosed block: at the line the indentation says, related to the opener', () => {
    const text = 'limits {\n  max_memory 12GB\n\ndata synthetic {\n  rows 10\n}\n';
    const { diagnostics, syntax } = parseSpec({ path: 'a.pipeline', text });
    expect(diagnostics).toHaveLength(1);
    const d = diagnostics[0]!;
    expect([d.code, rangeText(d.range), d.message]).toEqual(['PC0010', '4:1-4:5', 'block `{` opened at line 1 is never closed: expected `}` before `data` (line 4)']);
    expect(d.related?.map((r) => [rangeText(r.range), r.message, r.file])).toEqual([['1:8-1:9', 'the block `limits {` opens here', 'a.pipeline']]);
    expect(d.hint).toBe('add `}` to close `limits {`');
    // The repaired tree: `data` is not swallowed by `limits`.
    expect(syntax.statements.map((s) => s.keyword.name)).toEqual(['limits', 'data']);
  });

  it('PC0010 at the end of the file when the body is not indented', () => {
    const text = 'project p {\nrows 1\n';
    expect(parseDiags(text)).toEqual(['PC0010 3:1-3:1 block `{` opened at line 1 is never closed: expected `}` at the end of the file']);
  });

  it('PC0010 a `}` indented like an outer block closes it; the inner block is reported', () => {
    const text = 'x {\n  a 1\n  b {\n    c 2\n  d 3\n}\n';
    const { diagnostics, syntax } = parseSpec({ path: 't', text });
    expect(diagnostics.map((d) => `${d.code} ${rangeText(d.range)} ${rangeText(d.related?.[0]?.range)}`)).toEqual(['PC0010 5:3-5:4 3:5-3:6']);
    const x = syntax.statements[0]!;
    expect(x.block!.statements.map((s) => s.keyword.name)).toEqual(['a', 'b', 'd']);
  });

  it('PC0015 caps the list after 100 errors', () => {
    const { diagnostics } = parseSpec({ path: 't', text: 'a @\n'.repeat(150) });
    expect(diagnostics).toHaveLength(101);
    expect(diagnostics[100]!.code).toBe('PC0015');
    expect(diagnostics[100]!.message).toBe('too many syntax errors: 50 more not shown');
  });

  it('every diagnostic has a registered code, a hint and a range inside the text', () => {
    for (const [, text] of cases) {
      for (const d of parseSpec({ path: 't', text }).diagnostics) {
        expect(codeInfo(d.code), d.code).toBeDefined();
        expect(d.severity).toBe('error');
        expect(d.hint && d.hint.length > 10).toBe(true);
        expect(d.range!.start.offset).toBeLessThanOrEqual(d.range!.end.offset);
        expect(d.range!.end.offset).toBeLessThanOrEqual(text.length);
        expect(d.message).not.toMatch(/Token|EOF|-->|\[object/);
      }
    }
  });

  it('hints say how to fix', () => {
    const d = parseSpec({ path: 't', text: 'max_memory 12gb\n' }).diagnostics[0]!;
    expect(d.hint).toMatch(/^did you mean `12GB`\?/);
    const u = parseSpec({ path: 't', text: 'column age int uniform(18, 80\n' }).diagnostics[0]!;
    expect(u.hint).toBe('add `)` after `80` (line 1)');
  });
});

it('PC0007 call arguments without a comma', () => {
  expect(parseDiags('column a int uniform(18 80)\n')).toEqual(['PC0007 1:25-1:27 expected `,` or `)` in the call, found `80`']);
});

it('PC0007 `f (x, y)` with a space is not a call, and the hint says so', () => {
  const d = parseSpec({ path: 't', text: 'column a int uniform (18, 80)\n' }).diagnostics;
  expect(diagLines(d)).toEqual(['PC0007 1:25-1:26 expected `)`, found `,`']);
  expect(d[0]!.hint).toBe('for a call, write `(` right after the name, with no space: `uniform(18, 80)`');
});
