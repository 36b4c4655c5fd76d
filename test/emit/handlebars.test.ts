import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { createTemplateEngine } from '../../src/emit/handlebars.js';
import { cssStr, mdCode, mdCodeCell, mdText, pyComment, pyDoc, pyRepr, pyReprPretty, pyStr, yamlStr } from '../../src/emit/escape.js';
import { ADVERSARIAL } from '../helpers/adversarial.js';
import { PYTHON, hasPython } from '../helpers/generate-project.js';

function pythonEval(literals: string[]): string[] {
  const src = `import json\nvalues = [${literals.join(',\n')}]\nprint(json.dumps(values))\n`;
  const r = spawnSync(PYTHON, ['-c', src], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as string[];
}

const codePoints = (s: string) => [...s].map((c) => c.codePointAt(0));

describe('escaping helpers', () => {
  it.runIf(hasPython())('py_str round-trips adversarial and random strings through real Python', () => {
    const random = fc.sample(fc.string({ unit: 'binary', maxLength: 40 }), { numRuns: 200, seed: 7 });
    const texts = [...ADVERSARIAL, ...random];
    // Compared as code points: lone surrogates survive the trip too.
    expect(pythonEval(texts.map(pyStr)).map(codePoints)).toEqual(texts.map(codePoints));
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

  it('md escapes only what Markdown would interpret and keeps breaks inside the line', () => {
    const out = mdText('# *a* [b](c) <x> `d` | e & $f$\nf');
    expect(out).toBe('\\# \\*a\\* [b\\](c) \\<x> \\`d\\` \\| e & \\$f\\$<br>f');
    expect(mdText('- item')).toBe('\\- item');
    expect(mdText('12. x')).toBe('12\\. x');
    // Values read naturally in the raw text.
    for (const plain of ['0.2543', '2026-11-30T00:11:16Z', 'peak_memory_bytes', '[v2] beta', 'C# and a-b', '50 MB (limit)']) {
      expect(mdText(plain)).toBe(plain);
    }
  });

  it.runIf(hasPython())('md text renders as exactly the text in a paragraph, a heading, a list item and a table cell', () => {
    const samples = [...[0, 1, 2, 3, 6].map((i) => ADVERSARIAL[i] as string), '0.2543', '_leading', 'a_b_', 'C:\\data\\x', '# heading?',
      '1. first', '~~gone~~', '&amp;', 'x|y', '[link](http://x.example)', '![img](a.png)', '[a][b]', '[ref]: http://x.example', 'Model #',
      'a * b', '* star', '> quote', '+ plus', '---', '===', 'trailing \\', 'line\\\nbreak', '<div>block</div>', '```fence', '    four spaces'];
    const contexts = (md: string) => [md, `# ${md}`, `- ${md}`, `| head |\n| --- |\n| ${md} |`];
    // markdown-it (CommonMark + GFM tables and strikethrough), the pinned Python port the report tests use.
    const src = [
      'import html, json, re, sys',
      'from markdown_it import MarkdownIt',
      'render = MarkdownIt("commonmark").enable("table").enable("strikethrough")',
      'docs = json.loads(sys.stdin.read())',
      'print(json.dumps([html.unescape(re.sub(r"<[^>]+>", "", render.render(d))).strip().replace("\\n", "") for d in docs]))',
    ].join('\n');
    const r = spawnSync(PYTHON, ['-c', src], { input: JSON.stringify(samples.flatMap((t) => contexts(mdText(t)))), encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const rendered = JSON.parse(r.stdout) as string[];
    samples.forEach((t, i) => {
      const want = t.replace(/\r\n?|\n/g, '').trim();
      ['paragraph', 'heading', 'list item', 'table cell'].forEach((context, j) => {
        const got = rendered[i * 4 + j] as string;
        expect(context === 'table cell' ? got.replace(/^head/, '') : got, `${context}: ${JSON.stringify(t)} → ${mdText(t)}`).toBe(want);
      });
    });
  });

  it('md_code shows any text verbatim in a code span', () => {
    expect(mdCode('a_b')).toBe('`a_b`');
    expect(mdCode('x `y` z')).toBe('``x `y` z``');
    expect(mdCode('`start')).toBe('`` `start ``');
    expect(mdCodeCell('a|b')).toBe('`a\\|b`');
  });

  it('py_doc and py_comment keep a docstring closed and the source parseable', () => {
    expect(pyDoc('say """hi""" \\ bye\nnext')).toBe('say \\"\\"\\"hi\\"\\"\\" \\\\ bye next');
    expect(pyComment('a\u0000b\u2028c\ud800')).toBe('a\ufffdb c\ufffd');
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

describe('py_repr_pretty', () => {
  it.runIf(hasPython())('lays nested values over lines and evaluates to the same value', () => {
    const value = { a: [{ b: 1, c: [1, 2] }, 'x'], d: {}, e: [], f: { g: null } };
    const text = pyReprPretty(value);
    expect(text.split('\n').length).toBeGreaterThan(3);
    const r = spawnSync(PYTHON, ['-c', `import json; print(json.dumps(${text}))`], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(value);
  });
});
