/**
 * Every feature at every position of every example and diagnostic case (clean, broken, half-written
 * specs alike) answers without throwing: an editor asks at arbitrary places. And the editor's
 * diagnostics are exactly `pipec check`'s for each of them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSpec } from '../../src/compiler/index.js';
import { analyze } from '../../src/lsp/analysis.js';
import { codeActions } from '../../src/lsp/code-actions.js';
import { complete } from '../../src/lsp/completion.js';
import { definition } from '../../src/lsp/definition.js';
import { hover } from '../../src/lsp/hover.js';
import { documentSymbols, foldingRanges } from '../../src/lsp/outline.js';
import { prepareRename } from '../../src/lsp/rename.js';
import { diskLoader, REPO_ROOT } from '../compiler/helpers/disk-loader.js';

const loader = diskLoader();
const env = { loadLibrary: loader, uriOf: () => 'file:///lib', textOf: () => null, docsUri: null };
const specs = [
  ...readdirSync(join(REPO_ROOT, 'examples')).map((d) => `examples/${d}/project.pipeline`),
  ...readdirSync(join(REPO_ROOT, 'test/diagnostics/cases')).filter((f) => f.endsWith('.pipeline')).map((f) => `test/diagnostics/cases/${f}`),
  ...readdirSync(join(REPO_ROOT, 'test/grammar/golden')).filter((f) => f.endsWith('.pipeline')).map((f) => `test/grammar/golden/${f}`),
  'stdlib/lifecycle/domino_standard.pipeline',
];

describe('features on every spec', () => {
  it(`answer at every 3rd offset of ${specs.length} specs`, () => {
    let answered = 0;
    for (const rel of specs) {
      const text = readFileSync(join(REPO_ROOT, rel), 'utf8');
      const a = analyze({ path: rel, text }, loader);
      documentSymbols(a.syntax);
      foldingRanges(a.syntax, a.text);
      const all = { start: { line: 0, character: 0 }, end: { line: 100_000, character: 0 } };
      codeActions(a, 'file:///x', all, []);
      for (let off = 0; off <= text.length; off += 3) {
        if (hover(a, env, off)) answered++;
        complete(a, text, off);
        definition(a, env, 'file:///x', off);
        prepareRename(a, off);
      }
    }
    expect(answered).toBeGreaterThan(1000);
  });

  it('report exactly what `pipec check` reports (the analysis runs the compiler stages itself)', () => {
    for (const rel of [...specs, ...readdirSync(join(REPO_ROOT, 'test/flows/cases')).filter((f) => f.endsWith('.pipeline')).map((f) => `test/flows/cases/${f}`)]) {
      const source = { path: rel, text: readFileSync(join(REPO_ROOT, rel), 'utf8') };
      // A library file is checked as a library in the editor; `pipec check` only takes projects.
      if (rel.startsWith('stdlib/')) continue;
      expect(analyze(source, loader).diagnostics, rel).toEqual(checkSpec(source, { loadLibrary: loader, lower: false }).diagnostics);
    }
  });
});
