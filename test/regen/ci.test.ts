/** The generated CI workflow and pre-commit config: valid YAML, the right commands, spec strings quoted safely. */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createEmitContext } from '../../src/emit/index.js';
import { emitCi } from '../../src/emit/ci/workflow.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureIr, REPO_ROOT, testAssets, variantIr } from '../helpers/generate-project.js';

type Step = { run?: string; uses?: string; with?: Record<string, string> };
type Workflow = { name: string; env: Record<string, string>; jobs: Record<string, { steps: Step[] }> };

async function emitFor(title?: string) {
  const ir = title === undefined ? fixtureIr() : variantIr(fixtureIr(), (x) => void (x.project.title = title));
  return emitCi(createEmitContext(ir, await testAssets()));
}

describe('emitCi', () => {
  it('runs pipec check, compile --check and the generated tests', async () => {
    const [wf, hook] = await emitFor();
    expect(wf!.path).toBe('.github/workflows/pipec.yml');
    const doc = parse(wf!.contents) as Workflow;
    const runs = Object.values(doc.jobs).flatMap((j) => j.steps.map((s) => s.run ?? s.uses ?? ''));
    expect(runs).toContain('pipec check "$PIPEC_SPEC" --format github');
    expect(runs).toContain('pipec compile "$PIPEC_SPEC" --out "$PIPEC_OUT" --check --format github');
    expect(runs).toContain('python -m pytest -q src/credit_risk/tests');
    expect(runs).toContain('github/codeql-action/upload-sarif@v3');
    // No install source given: an empty PIPEC_SOURCE, which the install step refuses (ci-install-source.test.ts).
    expect(doc.env).toEqual({ PIPEC_SPEC: 'project.pipeline', PIPEC_OUT: '.', PIPEC_SOURCE: '' });
    const pre = parse(hook!.contents) as { repos: { hooks: { id: string; entry: string; language: string }[] }[] };
    expect(pre.repos[0]!.hooks.map((h) => h.language)).toEqual(['fail', 'fail']);
  });

  it('carries an adversarial title exactly and is deterministic', async () => {
    const title = 'Risk: "quoted" \'single\' # not a comment\n{{ x }} </script> ünïcödé';
    const [a] = await emitFor(title);
    const [b] = await emitFor(title);
    expect(a!.contents).toBe(b!.contents);
    expect((parse(a!.contents) as Workflow).name).toBe(`pipec: ${title}`);
  });
});

describe('.pre-commit-hooks.yaml (this repository)', () => {
  it('declares the two documented hooks', () => {
    const hooks = parse(readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string }[];
    expect(hooks.map((h) => [h.id, h.entry, h.language])).toEqual([
      ['pipec-check', 'pipec check', 'node'],
      ['pipec-compile-check', 'pipec compile --check', 'node'],
    ]);
  });
});
