/**
 * The shipped bundle's start-up accelerators (scripts/build.mjs, scripts/code-cache-loader.mjs): the
 * compiler loaded through a V8 code cache, and grammar self-validation skipped in the bundle only.
 * A cache must never change what `pipec check` prints, and any cache trouble must degrade to compiling.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED } from '../../src/grammar/build-flags.js';
import { ROOT, ensureBuilt, runCli } from '../cli/helpers.js';

const EXAMPLE = 'examples/credit-risk/project.pipeline';
const BROKEN = 'spec-with-errors.pipeline';
let dir: string;

const check = (spec: string, env: NodeJS.ProcessEnv) => runCli(['check', '--format', 'json', spec], { cwd: dir, env });

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'pipec-code-cache-'));
  writeFileSync(join(dir, 'project.pipeline'), readFileSync(join(ROOT, EXAMPLE)));
  // Several user errors, so the cached compiler's diagnostics path is compared too.
  writeFileSync(join(dir, BROKEN), 'project "x" {\n  titel "X"\n  data {\n    rows -3\n  }\n}\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('compiler code cache', () => {
  it('is written on the first run, then used, with output identical to a run without it', () => {
    const cacheDir = join(dir, 'cache-a');
    for (const spec of ['project.pipeline', BROKEN]) {
      const plain = check(spec, { PIPEC_NO_CODE_CACHE: '1', PIPEC_CODE_CACHE_DIR: cacheDir });
      const first = check(spec, { PIPEC_CODE_CACHE_DIR: cacheDir });
      const files = readdirSync(cacheDir).filter((f) => f.endsWith('.v8cache'));
      expect(files).toHaveLength(1);
      const second = check(spec, { PIPEC_CODE_CACHE_DIR: cacheDir });
      expect(plain.stderr).toBe('');
      for (const r of [first, second]) expect(r).toEqual(plain);
    }
    expect(check(BROKEN, { PIPEC_CODE_CACHE_DIR: cacheDir }).code).toBe(1);
  });

  it('falls back to compiling when the cache directory cannot be created', () => {
    const notADir = join(dir, 'a-file');
    writeFileSync(notADir, 'x');
    const plain = check('project.pipeline', { PIPEC_NO_CODE_CACHE: '1' });
    const r = check('project.pipeline', { PIPEC_CODE_CACHE_DIR: join(notADir, 'cache') });
    expect(r).toEqual(plain);
    expect(r.code).toBe(0);
  });

  it('replaces a corrupt cache file and still checks correctly', () => {
    const cacheDir = join(dir, 'cache-b');
    const plain = check(BROKEN, { PIPEC_NO_CODE_CACHE: '1' });
    check(BROKEN, { PIPEC_CODE_CACHE_DIR: cacheDir });
    const [name] = readdirSync(cacheDir);
    const path = join(cacheDir, name as string);
    writeFileSync(path, Buffer.from('not a V8 code cache'));
    writeFileSync(join(cacheDir, 'stale-build-v0-x64.v8cache'), 'old');
    expect(check(BROKEN, { PIPEC_CODE_CACHE_DIR: cacheDir })).toEqual(plain);
    // Rewritten (a real cache again, not the garbage), and the other build's cache dropped.
    expect(readFileSync(path).length).toBeGreaterThan(100_000);
    expect(readdirSync(cacheDir)).toEqual([name]);
  });
});

describe('build flags', () => {
  it('keep grammar self-validation on when running from source (the tests)', () => {
    expect(BUNDLED).toBe(false);
  });
});
