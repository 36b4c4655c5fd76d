/**
 * The Domino Flows checks (PC8xxx): one spec per code in test/flows/cases/<CODE>-<slug>.pipeline with
 * its expected diagnostics (code, severity, exact range, message, hint) in <same name>.expected.json,
 * in the same style as test/diagnostics. UPDATE_GOLDEN=1 rewrites the expectations.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSpec } from '../../src/compiler/index.js';
import { codeInfo } from '../../src/diagnostics/codes.js';
import { DOMINO_CODES } from '../../src/diagnostics/codes-domino.js';
import { COMPUTE_CODES } from '../../src/diagnostics/codes-compute.js';
import { gitRefProblem } from '../../src/compiler/checks/check-domino-git-ref.js';
import { diskLoader } from '../compiler/helpers/disk-loader.js';
import { viewDiagnostics } from '../compiler/helpers/diag-view.js';
import { expectGolden } from '../helpers/golden.js';
import { HERE } from './helpers.js';

const CASES = join(HERE, 'cases');
const files = readdirSync(CASES).filter((f) => f.endsWith('.pipeline')).sort();
const loader = diskLoader();

describe('Domino Flows diagnostics', () => {
  for (const f of files) {
    const code = f.split('-')[0] as string;
    it(`${f} reports ${code}`, () => {
      const path = `test/flows/cases/${f}`;
      const result = checkSpec({ path, text: readFileSync(join(CASES, f), 'utf8') }, { loadLibrary: loader });
      const view = viewDiagnostics(result.diagnostics);
      expect(view.map((d) => d.code)).toContain(code);
      // The case isolates its rule: no other code fires (so the golden documents exactly this code).
      expect([...new Set(view.map((d) => d.code))]).toEqual([code]);
      expect(result.ir === null).toBe(result.diagnostics.some((d) => d.severity === 'error'));
      expect(view.every((d) => d.severity === codeInfo(d.code)?.severity)).toBe(true);
      expectGolden(join(CASES, f.replace(/\.pipeline$/, '.expected.json')), `${JSON.stringify(view, null, 2)}\n`);
    });
  }

  it('every PC8xxx code has a case and complete registry text', () => {
    const covered = new Set(files.map((f) => f.split('-')[0]));
    const flowCodes = [...DOMINO_CODES, ...COMPUTE_CODES.filter((c) => c.code.startsWith('PC8'))];
    expect(flowCodes.map((c) => c.code).filter((c) => !covered.has(c))).toEqual([]);
    for (const c of flowCodes) {
      expect(c.code).toMatch(/^PC8\d{3}$/);
      for (const field of [c.title, c.explanation, c.example, c.fix]) expect(field.length).toBeGreaterThan(10);
    }
  });

  it('the domino block gives the environment and tiers by id or by display name, and the IR records which', () => {
    const base = readFileSync(join(CASES, 'PC8103-id-written-as-name.pipeline'), 'utf8');
    const spec = (domino: string) => base.replace(/  domino \{[\s\S]*?\n  \}\n/, `  domino {\n${domino}\n  }\n`);
    const check = (domino: string) => checkSpec({ path: 't.pipeline', text: spec(domino) }, { loadLibrary: loader });
    const ids = check('    environment id "6549a5b4c7d2e1f0a9b8c7d6"\n    tier small id "small-k8s"\n    tier large "Large"');
    expect(ids.diagnostics).toEqual([]);
    expect(ids.ir?.domino).toMatchObject({
      environment: '6549a5b4c7d2e1f0a9b8c7d6', environmentBy: 'id', tierIds: ['small'],
      tiers: { large: 'Large', medium: 'Medium', small: 'small-k8s' },
    });
    expect(check('').ir?.domino).toMatchObject({ environmentBy: 'default', tierIds: [] });
    const shapes = viewDiagnostics(check('    environment id\n    tier small id "a" "b"').diagnostics);
    expect(shapes.map((d) => [d.code, d.message])).toEqual([
      ['PC1002', '`environment` needs 2 arguments'],
      ['PC1003', 'unexpected a string after `tier`'],
    ]);
  });

  it('git ref validation follows git check-ref-format', () => {
    for (const ok of ['main', 'tags/v1.0', 'branches/release-2', 'a'.repeat(40), 'feature/x_y']) expect(gitRefProblem(ok)).toBeNull();
    expect(gitRefProblem('a..b')).toBe('it contains ".."');
    expect(gitRefProblem('main.lock')).toBe('a component starts with "." or ends with ".lock"');
    expect(gitRefProblem('x:y')).toMatch(/one of/);
    expect(gitRefProblem('feature/')).toMatch(/ends with/);
  });
});
