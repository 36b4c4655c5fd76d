import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitProject } from '../../src/emit/index.js';
import type { Part } from '../../src/emit/parts.js';
import { makeFile } from '../../src/emit/files.js';
import { REPO_ROOT, fixtureIr, testAssets } from '../helpers/generate-project.js';

describe('emitProject', () => {
  it('is deterministic, sorted, normalised and path-safe', async () => {
    const assets = await testAssets();
    const a = emitProject(fixtureIr(), assets);
    const b = emitProject(fixtureIr(), assets);
    expect(a).toEqual(b);
    const paths = a.map((f) => f.path);
    expect(paths).toEqual([...paths].sort());
    for (const f of a) {
      expect(f.contents.endsWith('\n'), f.path).toBe(true);
      expect(f.contents.includes('\r'), f.path).toBe(false);
      expect(f.path.startsWith('/') || f.path.split('/').includes('..'), f.path).toBe(false);
    }
    expect(paths).toContain('.pipec/ir.json');
    expect(paths).toContain('epoch002-data-wrangling/scripts/run_epoch.py');
    expect(paths).toContain('src/credit_risk/config.py');
  });

  it('rejects two parts writing the same path', async () => {
    const part = (name: string): Part => ({ name, emit: () => [makeFile('same.txt', 'x', [])] });
    const assets = await testAssets();
    expect(() => emitProject(fixtureIr(), assets, [part('a'), part('b')])).toThrow(
      'emit: same.txt is written by both a and b',
    );
  });

  it('skips epochs the lifecycle does not have', async () => {
    const ir = fixtureIr();
    ir.epochs = ir.epochs.filter((e) => e.id !== '003');
    const paths = emitProject(ir, await testAssets()).map((f) => f.path);
    expect(paths.some((p) => p.startsWith('epoch003'))).toBe(false);
    expect(paths.some((p) => p.startsWith('epoch004'))).toBe(true);
  });
});

describe('purity of src/emit', () => {
  it('imports no file-system, process or network module (emitters are pure functions)', () => {
    const root = join(REPO_ROOT, 'src', 'emit');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(10);
    const banned = /from\s+['"](?:node:)?(fs|fs\/promises|child_process|net|http|https|os|process|worker_threads|execa|chokidar)['"]/;
    for (const f of files) {
      const text = readFileSync(join(root, f), 'utf8');
      expect(banned.exec(text)?.[0] ?? null, f).toBeNull();
      expect(/\bprocess\.(env|cwd|argv)\b/.test(text), `${f} reads the process environment`).toBe(false);
    }
  });
});
