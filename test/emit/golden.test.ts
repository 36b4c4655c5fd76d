/**
 * Golden files: a few small generated files of the credit-risk fixture, compared byte for byte.
 * Review diffs like code; refresh with UPDATE_GOLDEN=1 (the one update switch).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectGolden } from '../helpers/golden.js';
import { describe, expect, it } from 'vitest';
import { emitProject } from '../../src/emit/index.js';
import { PINS } from '../../src/emit/pins.js';
import { REPO_ROOT, fixtureIr, partsNamed, testAssets } from '../helpers/generate-project.js';

const GOLDEN_DIR = join(REPO_ROOT, 'test', 'emit', 'golden', 'credit-risk');
/** Small files that show each emitter's shape: config, gate rules, an epoch README, planning docs. */
const GOLDEN_FILES = [
  '.context/gate_rules.json',
  'epoch001-research-analysis-planning/requirements.md',
  'epoch001-research-analysis-planning/success_criteria.json',
  'epoch003-exploratory-data-analysis/README.md',
  'requirements.txt',
  'src/credit_risk/config.py',
];

describe('golden files (credit-risk fixture)', async () => {
  const files = emitProject(fixtureIr(), await testAssets(), partsNamed('project', 'package', 'epoch001', 'epoch003'));
  it.each(GOLDEN_FILES)('%s', (path) => {
    const file = files.find((f) => f.path === path);
    expect(file, `${path} is generated`).toBeDefined();
    expectGolden(join(GOLDEN_DIR, `${path}.golden`), file!.contents);
  });
});

describe('pins', () => {
  it('match python/requirements.txt, the environment the generated code is tested in', () => {
    const env = new Map(
      readFileSync(join(REPO_ROOT, 'python', 'requirements.txt'), 'utf8')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#'))
        .map((l) => l.split('==') as [string, string]),
    );
    for (const [name, version] of Object.entries(PINS)) expect(`${name}==${env.get(name)}`).toBe(`${name}==${version}`);
  });
});
