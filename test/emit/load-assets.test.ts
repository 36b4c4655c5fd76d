import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPackageRoot, loadAssets } from '../../src/cli/load-assets.js';
import { REPO_ROOT } from '../helpers/generate-project.js';

describe('loadAssets', () => {
  it('reads templates and runtime sources as sorted POSIX keys, normalised, without caches', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pipec-assets-'));
    const t = join(root, 'stdlib', 'templates');
    const r = join(root, 'runtime', 'python', 'pipec_runtime');
    mkdirSync(join(t, 'b', 'c'), { recursive: true });
    mkdirSync(join(r, '__pycache__'), { recursive: true });
    writeFileSync(join(t, 'z.hbs'), 'z\r\n');
    writeFileSync(join(t, 'b', 'c', 'a.hbs'), 'a');
    writeFileSync(join(r, 'x.py'), 'x = 1\n');
    writeFileSync(join(r, 'x.pyc'), 'bytes');
    writeFileSync(join(r, '__pycache__', 'x.cpython-311.pyc'), 'bytes');
    const assets = await loadAssets(root);
    expect([...assets.templates.entries()]).toEqual([['b/c/a.hbs', 'a'], ['z.hbs', 'z\n']]);
    expect([...assets.runtime.keys()]).toEqual(['x.py']);
  });

  it('finds the package root from its own folder and loads the real stdlib templates', async () => {
    expect(findPackageRoot()).toBe(REPO_ROOT);
    const assets = await loadAssets();
    expect(assets.templates.has('epoch002/run_epoch.py.hbs')).toBe(true);
    expect(assets.runtime.has('context.py')).toBe(true);
  });
});
