/** `pipec compile --watch`: recompiles on save, survives a broken spec, prints the plan summary, Ctrl-C exits 0. */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupTmp, tmpDir } from './helpers.js';
import { buildCli, CLI, copyExample, evolveSpec } from './cli-helpers.js';

afterAll(() => cleanupTmp());

beforeAll(() => buildCli());

describe('pipec compile --watch', () => {
  it('recompiles on save, keeps watching after errors, and stops with exit 0 on SIGINT', async () => {
    const dir = tmpDir();
    const spec = copyExample(dir);
    const good = readFileSync(spec, 'utf8');
    const child = spawn(process.execPath, [CLI, 'compile', spec, '--out', join(dir, 'out'), '--watch'], { env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stdout += d.toString()));
    const waitFor = async (pattern: RegExp, from: number) => {
      const deadline = Date.now() + 120_000;
      while (!pattern.test(stdout.slice(from))) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; output:\n${stdout}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    try {
      await waitFor(/\[pipec\] done; watching/, 0);
      let mark = stdout.length;
      writeFileSync(spec, good.replace('project credit_risk {', 'project credit_risk {{'));
      await waitFor(/\[pipec\] finished with problems; watching/, mark);
      expect(stdout.slice(mark)).toMatch(/error\[PC\d{4}\]/);
      mark = stdout.length;
      writeFileSync(spec, good);
      evolveSpec(spec);
      await waitFor(/\[pipec\] done; watching/, mark);
      expect(stdout.slice(mark)).toMatch(/Plan: \d+ to create, \d+ to update, .*epochs to rerun: .*005/);
    } finally {
      child.kill('SIGINT');
    }
    const code = await new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
    expect(code).toBe(0);
    expect(stdout).toContain('[pipec] stopped watching');
  });
});
