/**
 * Every registered diagnostic code offers its fix as a code action. The test walks the registry; for
 * each code it checks its golden case (test/diagnostics/cases, test/flows/cases, or the registry's
 * own example): each diagnostic of that code gets the explanation action carrying the registered fix,
 * and where fixes.ts offers text edits, applying one must make that diagnostic go away.
 * Which codes get an edit and which only the explanation is a golden file (test/lsp/golden/fix-kinds.json).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CODES } from '../../src/diagnostics/codes.js';
import { readDataSample, resolveDataPath } from '../../src/cli/read-data-sample.js';
import { dataFileOf } from '../../src/compiler/data-file-of.js';
import type { DataSample } from '../../src/compiler/data-sample.js';
import { parseSpec } from '../../src/grammar/index.js';
import { analyze } from '../../src/lsp/analysis.js';
import { codeActions, explainAction } from '../../src/lsp/code-actions.js';
import { toLspRange } from '../../src/lsp/locate.js';
import { diskLoader, REPO_ROOT } from '../compiler/helpers/disk-loader.js';
import { expectGolden } from '../helpers/golden.js';

const loader = diskLoader();
const URI = 'file:///case.pipeline';
const CASE_DIRS = ['test/diagnostics/cases', 'test/flows/cases'];

/** Codes whose registry example reports another code first: a spec that reports them. */
const EXTRA_CASES: Readonly<Record<string, string>> = {
  PC0007: 'project p {\n  data synthetic {\n    column a int uniform(1 2)\n  }\n}\n',
};

/** Spec texts that report `code` (and the path they are analysed at): its golden cases, else the registry example. */
function casesOf(code: string, example: string): { name: string; path: string; text: string }[] {
  const extra = EXTRA_CASES[code];
  if (extra) return [{ name: 'extra case', path: 'case.pipeline', text: extra }];
  const found = CASE_DIRS.flatMap((dir) => readdirSync(join(REPO_ROOT, dir))
    .filter((f) => f.startsWith(`${code}-`) && f.endsWith('.pipeline'))
    .map((f) => ({ name: `${dir}/${f}`, path: `${dir}/${f}`, text: readFileSync(join(REPO_ROOT, dir, f), 'utf8') })));
  return found.length > 0 ? found : [{ name: 'registry example', path: 'case.pipeline', text: `${example}\n` }];
}

// The editor reads the data file a case names (as `pipec lsp` does), so the data findings are ranged
// diagnostics here too. Samples are read once up front: Parquet reads are asynchronous.
const samples = new Map<string, DataSample>();
const readData = (specPath: string, written: string) => samples.get(resolveDataPath(specPath, written));
beforeAll(async () => {
  for (const dir of CASE_DIRS) {
    for (const f of readdirSync(join(REPO_ROOT, dir)).filter((x) => x.endsWith('.pipeline'))) {
      const path = `${dir}/${f}`;
      const named = dataFileOf(parseSpec({ path, text: readFileSync(join(REPO_ROOT, path), 'utf8') }).syntax);
      if (!named) continue;
      const file = resolveDataPath(path, named.path);
      samples.set(file, await readDataSample(join(REPO_ROOT, file), named.path, named.format));
    }
  }
});
const analyzeCase = (path: string, text: string) => analyze({ path, text }, loader, undefined, readData);
const count = (path: string, text: string, code: string) => analyzeCase(path, text).diagnostics.filter((d) => d.code === code).length;

describe('code actions for every registered diagnostic', () => {
  const kinds: Record<string, string> = {};
  for (const [code, info] of CODES) {
    it(`${code} (${info.title}) offers its fix`, () => {
      let reported = 0;
      let edited = 0;
      for (const c of casesOf(code, info.example)) {
        const a = analyzeCase(c.path, c.text);
        for (const d of a.diagnostics.filter((x) => x.code === code && x.range && x.file === a.path)) {
          reported++;
          const actions = codeActions(a, URI, toLspRange(d.range!), []);
          const explain = actions.find((x) => x.command?.arguments?.[0] === code);
          expect(explain?.title).toBe(`${code}: ${info.fix}`);
          const fixes = actions.filter((x) => x.edit);
          if (fixes.length === 0) continue;
          // At least one offered edit removes this diagnostic; none may leave it in place and break the file.
          const before = count(c.path, c.text, code);
          const results = fixes.map((f) => TextDocument.applyEdits(TextDocument.create(URI, 'pipeline', 0, c.text), f.edit!.changes![URI]!));
          expect(results.some((t) => count(c.path, t, code) < before), `${c.name}: ${fixes.map((f) => f.title).join(' | ')}`).toBe(true);
          edited++;
        }
      }
      if (reported === 0) {
        // No diagnostic with a range in an editor (written files, CLI usage, the file-level PC0015 cap):
        // the action is still defined.
        expect(explainAction(code)?.command?.arguments).toEqual([code]);
        kinds[code] = 'no ranged diagnostic in an editor: explanation action';
      } else kinds[code] = edited > 0 ? 'text edit' : 'explanation action';
    });
  }
  it('records which codes get a text edit', () => {
    expectGolden(join(REPO_ROOT, 'test/lsp/golden/fix-kinds.json'), `${JSON.stringify(kinds, null, 2)}\n`);
  });
});
