/**
 * Plain Python stays plain: a file under stdlib/templates with no template expression is a real `.py`
 * (copied verbatim into the generated project), and the templated ones keep `.hbs`. The plain modules
 * and the runtime pass ruff (ruff.toml) and mypy (mypy.ini); mypy runs on the copies inside a
 * generated package, where the templated config.py they import exists.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTextTree } from '../../src/cli/load-assets.js';
import { PYTHON, REPO_ROOT, fixtureIr, generateProject, hasPython, partsNamed, variantIr } from '../helpers/generate-project.js';

const TEMPLATES = join(REPO_ROOT, 'stdlib', 'templates');

async function plainPython(): Promise<string[]> {
  return [...(await readTextTree(TEMPLATES)).keys()].filter((k) => k.endsWith('.py'));
}

function tool(args: string[], cwd: string): { status: number | null; out: string } {
  const r = spawnSync(PYTHON, args, { cwd, encoding: 'utf8', timeout: 600_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('plain Python templates', () => {
  it('a template is .hbs exactly when it has a template expression', async () => {
    const wrong = [...(await readTextTree(TEMPLATES)).entries()]
      .filter(([key, text]) => key.endsWith('.hbs') !== text.includes('{{'))
      .map(([key]) => key);
    expect(wrong).toEqual([]);
    expect((await plainPython()).length).toBeGreaterThanOrEqual(20);
  });

  it('templates print ready values: no joining logic (@first/@last/@index) in a template', async () => {
    const joining = [...(await readTextTree(TEMPLATES)).entries()].filter(([, text]) => /@(first|last|index)\b/.test(text)).map(([key]) => key);
    expect(joining).toEqual([]);
  });

  it.runIf(hasPython())('the plain modules and the runtime pass ruff', async () => {
    const files = (await plainPython()).map((k) => join('stdlib', 'templates', k));
    const r = tool(['-m', 'ruff', 'check', '--no-cache', ...files, 'runtime/python'], REPO_ROOT);
    expect(r.out).toContain('All checks passed!');
    expect(r.status).toBe(0);
  });

  it.runIf(hasPython())('the plain modules (in a generated package, byte-identical) and the runtime pass mypy', async () => {
    // One epoch on a Dask cluster, so the package's Dask modules (emitted only then) are checked too.
    const ir = variantIr(fixtureIr('credit-risk'), (v) => {
      v.epochs.find((e) => e.id === '002')!.compute = { engine: 'dask', workers: 2, workerTier: 'small', workerMemoryBytes: 2 ** 30 };
    });
    const { dir } = await generateProject(ir, mkdtempSync(join(tmpdir(), 'pipec-mypy-')), partsNamed('package'));
    const pkg = join(dir, 'src', ir.project.name);
    const modules = (await plainPython()).filter((k) => k.startsWith('package/')).map((k) => k.slice('package/'.length));
    for (const m of modules) expect(readFileSync(join(pkg, m), 'utf8'), m).toBe(readFileSync(join(TEMPLATES, 'package', m), 'utf8'));
    const config = ['--config-file', join(REPO_ROOT, 'mypy.ini'), '--cache-dir', join(dir, '.mypy_cache')];
    const generated = tool(['-m', 'mypy', ...config, ...modules.map((m) => join(ir.project.name, m))], join(dir, 'src'));
    expect(generated.out).toMatch(/^Success: no issues found in \d+ source files/m);
    const runtime = tool(['-m', 'mypy', ...config, 'pipec_runtime'], join(REPO_ROOT, 'runtime', 'python'));
    expect(runtime.out).toMatch(/^Success: no issues found in \d+ source files/m);
  }, 600_000);
});
