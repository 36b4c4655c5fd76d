/** The formatter: canonical output, fixed point on the examples, idempotence, comments kept. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatSpec, parseSpec } from '../../src/grammar/index.js';
import { diagLines, stripRanges } from './helpers.js';

const fmt = (text: string): string => {
  const r = formatSpec(text, 't.pipeline');
  if (r.text === null) throw new Error(diagLines(r.diagnostics).join('\n'));
  return r.text;
};

const MESSY = `

# header comment
project   x {   # open comment
  a 1;b   2   # trailing b
\tc  f(1,2  ,3)
  d {k:1,"a b":2}


  # own comment
  e {
    # lonely
  }
  g {
     x: 1,   # one
     # between
     y: [1,
       2]
  }  # after map
  h (a+b)*c -(1)
  i a,
    b, c
  j "tab\\there \\u{1F600} \\"q\\" \\\\"
  epoch 005 {
  }
  k   uniform(18,
     80) # inside
  l "s" (-1)
}   # end


`;

const CANONICAL = `# header comment
project   x {   # open comment
  a 1
  b   2   # trailing b
  c  f(1, 2, 3)
  d { k: 1, "a b": 2 }

  # own comment
  e {
    # lonely
  }
  g {
    x: 1,   # one
    # between
    y: [1, 2],
  }  # after map
  h (a + b) * c - 1
  i a, b, c
  j "tab\\there 😀 \\"q\\" \\\\"
  epoch 005 {}
  k   uniform(18, 80) # inside
  l "s" (-1)
}   # end
`;

describe('formatSpec', () => {
  it('prints the canonical layout', () => expect(fmt(MESSY)).toBe(CANONICAL));
  it('is idempotent', () => expect(fmt(CANONICAL)).toBe(CANONICAL));

  const examples = readdirSync('examples').map((d) => `examples/${d}/project.pipeline`).filter((f) => existsSync(f));
  for (const file of [...examples, 'stdlib/lifecycle/domino_standard.pipeline']) {
    it(`${file} is a fixed point (pipec fmt --check passes)`, () => {
      const text = readFileSync(file, 'utf8');
      expect(fmt(text)).toBe(text);
    });
  }

  it('keeps every comment, in order', () => {
    const before = parseSpec({ path: 't', text: MESSY }).syntax.comments.map((c) => c.text.trimEnd());
    const after = parseSpec({ path: 't', text: fmt(MESSY) }).syntax.comments.map((c) => c.text);
    expect(after).toEqual(before);
  });

  it('moves a comment out of a construct it joins, above its statement', () => {
    expect(fmt('x {\n  a f(1, # one\n    2)\n}\n')).toBe('x {\n  # one\n  a f(1, 2)\n}\n');
  });

  it('keeps the parsed tree (modulo ranges)', () => {
    const a = parseSpec({ path: 't', text: MESSY }).syntax;
    const b = parseSpec({ path: 't', text: fmt(MESSY) }).syntax;
    expect(stripRanges(b)).toEqual(stripRanges(a));
  });

  it('adds only the parentheses precedence needs', () => {
    expect(fmt('d ((a + b)) * (c) - (-(2 ^ 2)) + ((-2) ^ 2) + (a - b) - (c - d)\n')).toBe('d (a + b) * c - -2 ^ 2 + (-2) ^ 2 + (a - b) - (c - d)\n');
    expect(fmt('d a ^ (b ^ c) + (a ^ b) ^ c\n')).toBe('d a ^ b ^ c + (a ^ b) ^ c\n');
    expect(fmt('derive x = (a < 6) == (not b)\n')).toBe('derive x = (a < 6) == not b\n');
  });

  it('re-escapes strings canonically', () => {
    expect(fmt('t "\\u0041\\u{7f}\\r"\n')).toBe('t "A\\u{7f}\\r"\n');
  });

  it('returns null text and the diagnostics when the file has syntax errors', () => {
    const r = formatSpec('x {\n  a 1 +\n}\n', 'bad.pipeline');
    expect(r.text).toBeNull();
    expect(diagLines(r.diagnostics)).toEqual(['PC0006 2:8-2:8 expected a value after `+`, found the end of the line']);
  });

  it('formats an empty file and a comment-only file', () => {
    expect(fmt('')).toBe('');
    expect(fmt('\n\n# only\n\n\n# two\n')).toBe('# only\n\n# two\n');
  });

  it('every golden input that parses is idempotent under fmt', () => {
    const dir = join(import.meta.dirname, 'golden');
    let checked = 0;
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.pipeline'))) {
      const r = formatSpec(readFileSync(join(dir, name), 'utf8'));
      if (r.text === null) continue;
      checked++;
      expect(fmt(r.text), name).toBe(r.text);
    }
    expect(checked).toBeGreaterThanOrEqual(4);
  });
});
