/** Spec and stdlib loading from src/ (the bundle's copy is exercised by the CLI tests). */
import { chmodSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLibraryLoader, packageRoot } from '../../src/cli/load-stdlib.js';
import { checkSource, readSpecFile } from '../../src/cli/load-spec.js';
import { UsageError } from '../../src/cli/exit.js';
import { ROOT } from './helpers.js';

describe('stdlib loading', () => {
  it('finds the package root from src/', () => {
    expect(packageRoot()).toBe(ROOT);
  });

  it('loads a library by dotted name with a machine-independent display path, once', () => {
    const loader = createLibraryLoader();
    const lib = loader.load('lifecycle.domino_standard');
    expect(lib?.path).toBe('<stdlib>/lifecycle/domino_standard.pipeline');
    expect(lib?.text).toMatch(/lifecycle/);
    expect(loader.load('lifecycle.domino_standard')).toEqual(lib);
    expect([...loader.loaded.keys()]).toEqual(['<stdlib>/lifecycle/domino_standard.pipeline']);
  });

  it('returns null for unknown names and for names that could leave stdlib/', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pipec-stdlib-'));
    mkdirSync(join(dir, 'lifecycle', 'folder.pipeline'), { recursive: true });
    writeFileSync(join(dir, 'secret.pipeline'), 'x');
    const loader = createLibraryLoader(dir);
    expect(loader.load('nope.missing')).toBeNull();
    expect(loader.load('../secret')).toBeNull();
    expect(loader.load('/etc/passwd')).toBeNull();
    expect(loader.load('lifecycle.folder')).toBeNull();
  });
});

describe('spec loading', () => {
  it('reads a spec as given and strips a byte-order mark', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pipec-spec-'));
    writeFileSync(join(dir, 'a.pipeline'), '\uFEFFproject a {}\n');
    expect(readSpecFile(join(dir, 'a.pipeline'))).toEqual({ path: join(dir, 'a.pipeline'), text: 'project a {}\n' });
  });

  it('turns unreadable paths into usage errors with a reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pipec-spec-'));
    expect(() => readSpecFile(join(dir, 'missing.pipeline'))).toThrow(new UsageError(`cannot read spec "${join(dir, 'missing.pipeline')}": no such file`));
    expect(() => readSpecFile(dir)).toThrow(/it is a directory/);
    const locked = join(dir, 'locked.pipeline');
    writeFileSync(locked, 'x');
    chmodSync(locked, 0o000);
    // root can read anything; only assert the message when the OS actually refuses.
    try {
      readSpecFile(locked);
    } catch (err) {
      expect((err as Error).message).toContain('permission denied');
    }
  });

  it('checks a source and returns the texts its diagnostics may point at', async () => {
    const checked = await checkSource({ path: 'mem.pipeline', text: 'project demo {\n  use lifecycle.domino_standard\n}\n' });
    expect(checked.ir).toBeNull();
    expect(checked.diagnostics.length).toBeGreaterThan(0);
    expect(checked.sources.get('mem.pipeline')).toContain('project demo');
    for (const d of checked.diagnostics) expect(checked.sources.has(d.file)).toBe(true);
  });
});
