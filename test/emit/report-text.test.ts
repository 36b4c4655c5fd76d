/**
 * The report text a reviewer reads: the generated EDA and retrospective Markdown, rendered from fixed
 * records by the generated package with the pinned Python, compared with golden text that contains no
 * needless backslash, and rendered by markdown-it (CommonMark + GFM tables) to check it says exactly
 * what the records say. Also the standalone HTML EDA report: escaped, figures embedded.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectGolden } from '../helpers/golden.js';
import { describeRun, fixtureIr, generateProject, hasPython, partsNamed, runPython } from '../helpers/generate-project.js';

const HERE = join(import.meta.dirname, 'report-text');
/** Backslash escapes, past a line's start (where `#`, `-`, `+`, `=` can begin a block), that CommonMark
 * allows but inline text never needs. */
const NEEDLESS = /[^\n]\\[.:\-/()!#+=,;'"?@$%^{}]|\\\[(?![ xX]\])|\\\](?![([:])/g;

interface Rendered {
  texts: Record<string, string>;
  rendered: Record<string, string>;
  inline: Record<string, { markdown: string; rendered: string; line_start: string }>;
  html: string;
}

describe.skipIf(!hasPython())('report text (EDA, retrospective, playbook)', () => {
  let out: Rendered;

  beforeAll(async () => {
    const project = await generateProject(fixtureIr('credit-risk'), undefined, partsNamed('package', 'runtime'));
    const r = runPython(project.dir, [join(HERE, 'render_reports.py')]);
    expect(r.status, describeRun(r)).toBe(0);
    out = JSON.parse(r.stdout) as Rendered;
  });

  it('matches the golden Markdown, which holds no needless backslash', () => {
    for (const [name, text] of Object.entries(out.texts)) {
      expectGolden(join(HERE, name), text);
      expect(readFileSync(join(HERE, name), 'utf8').match(NEEDLESS), name).toBeNull();
    }
    const retro = out.texts['retrospective.md'] ?? '';
    // Values read naturally in the raw text, in their fact's unit.
    for (const plain of ['0.2543', '2026-11-30T00:11:16Z', '588.42 KB', '50.00 MB', '59.9 ms', '100.0 ms', '2.1%', '1.50']) {
      expect(retro, plain).toContain(plain);
    }
  });

  it('renders to exactly the recorded text', () => {
    const retro = out.rendered['retrospective.md'] ?? '';
    expect(retro).toContain('(expected >= 0.2, observed 0.2543)');
    expect(retro).toContain('at 2026-11-30T00:11:16Z via pipec run --approve 002');
    // Literal text of the report survives rendering too (no `<placeholder>` read as an HTML tag).
    expect(retro).toContain('[source: .context/pipeline_state.json epochs.NNN.elapsed_seconds]');
    const eda = out.rendered['eda_report.md'] ?? '';
    expect(eda).toContain('EDA report: Credit default risk [v2] | <beta>');
    expect(eda).toContain('employment_type: rare level *self_employed* < 1%');
    expect(out.rendered['playbook.md']).toContain('# Predict default_flag within 30 days');
    for (const [text, r] of Object.entries(out.inline)) {
      expect(r.rendered, `${text} → ${r.markdown}`).toBe(text);
      expect(r.line_start, `${text} at a line start`).toBe(text);
    }
  });

  it('escapes only what Markdown would interpret', () => {
    const md = (s: string) => out.inline[s]?.markdown;
    expect(md('0.2543')).toBe('0.2543');
    expect(md('2026-11-30T00:11:16Z')).toBe('2026-11-30T00:11:16Z');
    expect(md('peak_memory_bytes')).toBe('peak_memory_bytes');
    expect(md('C:\\data\\x')).toBe('C:\\data\\x');
    expect(md('*self_employed* < 1%')).toBe('\\*self_employed\\* < 1%');
    expect(md('[v2] | <beta>')).toBe('[v2] \\| \\<beta>');
    // Brackets stay as written unless they would make a link, a reference or a task box.
    expect(md('[source: a.json epochs.005]')).toBe('[source: a.json epochs.005]');
    expect(md('[link](http://x.example)')).toBe('[link\\](http://x.example)');
    expect(md('[ref]: http://x.example')).toBe('[ref\\]: http://x.example');
    expect(md('[ ] todo')).toBe('\\[ ] todo');
  });

  it('writes a standalone HTML EDA report: escaped text, embedded figures', () => {
    expect(out.html).toContain('<title>EDA report: Credit &lt;risk&gt; &amp; co</title>');
    expect(out.html).toContain('<img src="data:image/png;base64,iVBORw0KGgo=" alt="a.png">');
    expect(out.html).not.toMatch(/src="(?!data:)/);
  });
});
