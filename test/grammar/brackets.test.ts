/**
 * The bracket pass trusts balanced brackets over indentation: indentation only guesses where a `}` is
 * missing. Regression cases from the generated-trees property (seed 1232612364), where a block `{` on a
 * continued, deeper-indented line made its own `}` look like it closed the outer block (PC0010 + PC0012).
 */
import { describe, expect, it } from 'vitest';
import { formatSpec, parseSpec } from '../../src/grammar/index.js';
import { parseDiags, stripRanges } from './helpers.js';

/** The counterexample the unseeded CI run printed (seed 1232612364). */
const ORIGINAL = 'age   age: (age(\n  )) {\n  age  # note {x}\n  age   (age.age(\n  )), age: (age( )) (0), ([ [\n   ]]) {\n  }\n}\n';
/** ORIGINAL shrunk until no single deletion keeps the failure. */
const MINIMAL = 'a(e(\n  )){e([[\n   ]]){\n  }}';
/** The same shape, readable: both blocks' `{` on continuation lines indented deeper than their `}`. */
const READABLE = 'a [\n ] {\n b [\n  ] {\n }\n}\n';

describe('balanced brackets parse whatever the indentation', () => {
  for (const [name, text] of [['original', ORIGINAL], ['minimal', MINIMAL], ['readable', READABLE]] as const) {
    it(`${name} counterexample parses and round-trips through fmt`, () => {
      const { syntax, diagnostics } = parseSpec({ path: 't', text });
      expect(diagnostics).toEqual([]);
      const f = formatSpec(text);
      expect(f.text).not.toBeNull();
      expect(stripRanges(parseSpec({ path: 't', text: f.text! }).syntax)).toEqual(stripRanges(syntax));
    });
  }

  it('the readable case nests the inner block in the outer one', () => {
    const { syntax } = parseSpec({ path: 't', text: READABLE });
    expect(syntax.statements.map((s) => s.keyword.name)).toEqual(['a']);
    expect(syntax.statements[0]!.block!.statements.map((s) => [s.keyword.name, s.block?.statements.length])).toEqual([['b', 0]]);
  });

  it('a `}` indented like an outer block still closes the inner one when every `{` has its `}`', () => {
    expect(parseDiags('  a {\n    b {\n  }\n}\n')).toEqual([]);
  });
});

describe('recovery uses the indentation of the statement that opens the block', () => {
  it('an unclosed block after a continued statement ends before the next unindented line', () => {
    expect(parseDiags('a f(1,\n   2) {\n  b 1\nc 2\n')).toEqual(['PC0010 4:1-4:2 block `{` opened at line 2 is never closed: expected `}` before `c` (line 4)']);
  });

  it('a missing `}` is still repaired where the indentation says', () => {
    expect(parseDiags('x {\n  a 1\n  b {\n    c 2\n  d 3\n}\ne {\n}\n')).toEqual(['PC0010 5:3-5:4 block `{` opened at line 3 is never closed: expected `}` before `d` (line 5)']);
  });
});
