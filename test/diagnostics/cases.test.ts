/**
 * One spec per diagnostic code: test/diagnostics/cases/<CODE>-<slug>.pipeline, with its expected
 * diagnostics (code, severity, exact range, message, hint) in <same name>.expected.json.
 * UPDATE_GOLDEN=1 rewrites the expectations; review the diff like code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSpec, dataFileOf, parseSpec } from '../../src/compiler/index.js';
import { readDataSample, resolveDataPath } from '../../src/cli/read-data-sample.js';
import { SEMANTIC_CODES } from '../../src/diagnostics/codes-semantic.js';
import { DATA_CODES } from '../../src/diagnostics/codes-data.js';
import { FEASIBILITY_CODES } from '../../src/diagnostics/codes-feasibility.js';
import { COMPUTE_CODES } from '../../src/diagnostics/codes-compute.js';
import { diskLoader, REPO_ROOT } from '../compiler/helpers/disk-loader.js';
import { viewDiagnostics } from '../compiler/helpers/diag-view.js';
import { expectGolden } from '../helpers/golden.js';

const CASES = join(REPO_ROOT, 'test/diagnostics/cases');
const files = readdirSync(CASES).filter((f) => f.endsWith('.pipeline')).sort();
const loader = diskLoader();

describe('diagnostic cases', () => {
  for (const f of files) {
    const code = f.split('-')[0] as string;
    it(`${f} reports ${code}`, async () => {
      const path = `test/diagnostics/cases/${f}`;
      const text = readFileSync(join(CASES, f), 'utf8');
      // As the CLI does: a spec naming a data file is checked against its header and sample (data/).
      const named = dataFileOf(parseSpec({ path, text }).syntax);
      const data = named ? await readDataSample(join(REPO_ROOT, resolveDataPath(path, named.path)), named.path, named.format) : undefined;
      if (data) data.resolvedPath = resolveDataPath(path, named!.path);
      const result = checkSpec({ path, text }, { loadLibrary: loader, data });
      // PC8xxx belong to the Domino Flows target and are golden-tested in test/flows/.
      const view = viewDiagnostics(result.diagnostics.filter((d) => !d.code.startsWith('PC8')));
      expect(view.map((d) => d.code)).toContain(code);
      // Errors never come with an IR; warnings/info alone do.
      expect(result.ir === null).toBe(result.diagnostics.some((d) => d.severity === 'error'));
      expectGolden(join(CASES, f.replace(/\.pipeline$/, '.expected.json')), `${JSON.stringify(view, null, 2)}\n`);
    });
  }

  it('every compiler code has at least one case', () => {
    const covered = new Set(files.map((f) => f.split('-')[0]));
    const missing = [...SEMANTIC_CODES, ...DATA_CODES, ...FEASIBILITY_CODES, ...COMPUTE_CODES.filter((c) => !c.code.startsWith('PC8'))].map((c) => c.code).filter((c) => !covered.has(c));
    expect(missing).toEqual([]);
  });
});
