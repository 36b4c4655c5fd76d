/**
 * A generated project passes `ruff check .` with the configuration it ships (pyproject.toml): epoch
 * scripts, notebooks, the templated package modules, the flow and the app, for every example and for a
 * project whose epochs run on a Dask cluster (the Dask templates and the flow's cluster properties). Plain
 * package modules are also linted in the repository (python-lint.test.ts); this covers what templates render.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PYTHON, REPO_ROOT, compileExample, compileSpec, generateProject, hasPython } from '../helpers/generate-project.js';

const SPECS: Record<string, () => ReturnType<typeof compileSpec>> = {
  'credit-risk': () => compileExample('credit-risk'),
  'house-prices': () => compileExample('house-prices'),
  'iris-species': () => compileExample('iris-species'),
  'dask cluster': () => compileSpec(join(REPO_ROOT, 'test', 'dask', 'dask-project.pipeline')),
};

describe.runIf(hasPython())('generated Python passes ruff', () => {
  for (const [name, ir] of Object.entries(SPECS)) {
    it(name, async () => {
      const { dir } = await generateProject(await ir());
      const r = spawnSync(PYTHON, ['-m', 'ruff', 'check', '--no-cache', '--output-format', 'concise', '.'], { cwd: dir, encoding: 'utf8' });
      expect(`${r.stdout}${r.stderr}`).toContain('All checks passed!');
      expect(r.status).toBe(0);
    }, 120_000);
  }
});
