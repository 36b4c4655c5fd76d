import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { createTemplateEngine } from '../../src/emit/handlebars.js';
import { cssStr, mdText, pyRepr, pyStr, yamlStr } from '../../src/emit/escape.js';
import { PYTHON, hasPython } from '../helpers/generate-project.js';

/** Strings that break naive escaping in at least one target language. */
export const ADVERSARIAL = [
  'Quote " and \' and """triple""" and \'\'\'',
  'Back\\slash \\n literal and trailing \\',
  'Handlebars {{ title }} and {{{raw}}} and }}',
  '</script><script>alert(1)</script> & <b>',
  'line one\nline two\r\nline three\ttab',
  'unicode: café ✓ 日本語 😀 \u2028 \u2029 \u0085 \u0000 \u007f \ufeff',
  'f-string {x} %s ${y} `code` *bold* _u_ [link](x) # head | pipe',
  'lone surrogate \ud800 end',
];

function pythonEval(literals: string[]): string[] {
  const src = `import json\nvalues = [${literals.join(',\n')}]\nprint(json.dumps(values))\n`;
  const r = spawnSync(PYTHON, ['-c', src], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as string[];
}

describe('escaping helpers', () => {
  it.runIf(hasPython())('py_str round-trips adversarial and random strings through real Python', () => {
    const random = fc.sample(fc.string({ unit: 'binary', maxLength: 40 }), { numRuns: 200, seed: 7 });
    const texts = [...ADVERSARIAL, ...random];
    // JSON cannot carry lone surrogates back; compare those via their code units.
    const back = pythonEval(texts.map(pyStr));
    expect(back.map((s) => [...s].map((c) => c.codePointAt(0)))).toEqual(texts.map((s) => [...s].map((c) => c.codePointAt(0))));
  });

  it.runIf(hasPython())('py_repr turns JSON-like values into equal Python values', () => {
    const value = { a: [1, 2.5, -3e-7, null, true, false], 'k"ey': { nested: ADVERSARIAL.slice(0, 6) } };
    const r = spawnSync(PYTHON, ['-c', `import json; print(json.dumps(${pyRepr(value)}))`], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(value);
  });

  it('yaml_str round-trips through a YAML parser', () => {
    for (const t of ADVERSARIAL.slice(0, 7)) expect(parseYaml(`v: ${yamlStr(t)}`)).toEqual({ v: t });
  });

  it('md escapes every Markdown-active character and keeps breaks inside the line', () => {
    const out = mdText('# *a* [b](c) <x> `d` | e\nf');
    expect(out).toBe('\\# \\*a\\* \\[b\\]\\(c\\) \\<x\\> \\`d\\` \\| e<br>f');
    // Unescaping backslash escapes gives the original text back.
    for (const t of ADVERSARIAL.slice(0, 4)) expect(mdText(t).replace(/\\(.)/gu, '$1')).toBe(t);
  });

  it('css_str leaves no quote, backslash, angle bracket or newline unescaped', () => {
    const out = cssStr('a"b\\c</style>\nd');
    expect(out).toBe('"a\\22 b\\5c c\\3c /style\\3e \\a d"');
  });
});

describe('template engine', () => {
  const engine = createTemplateEngine(
    new Map([
      ['ok.hbs', 'x = {{py_str title}}\n{{#each items}}- {{md this}}\n{{/each}}'],
      ['missing.hbs', '{{nope}}'],
      ['html.hbs', '{{title}}'],
      ['ident.hbs', '{{ident name}}'],
    ]),
  );

  it('renders with explicit helpers and never HTML-escapes', () => {
    expect(engine.render('ok.hbs', { title: 'a"b', items: ['*x*'] })).toBe('x = "a\\"b"\n- \\*x\\*\n');
    expect(engine.render('html.hbs', { title: '<&>' })).toBe('<&>');
  });

  it('is strict: a missing field or template throws', () => {
    expect(() => engine.render('missing.hbs', {})).toThrow(/rendering missing.hbs: "nope" not defined/);
    expect(() => engine.render('absent.hbs', {})).toThrow('template not found: absent.hbs');
  });

  it('ident rejects non-identifiers', () => {
    expect(engine.render('ident.hbs', { name: 'credit_risk' })).toBe('credit_risk');
    expect(() => engine.render('ident.hbs', { name: 'a b' })).toThrow(/is not an identifier/);
  });
});
