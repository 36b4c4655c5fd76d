/**
 * Atomicity under kill -9 (issue 6 §2): a compile killed at a random point leaves the old tree
 * (when killed before its commit point) and, after the recovery step every later run performs,
 * exactly the old or exactly the new tree — never a mix. Files pipec does not manage survive.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { epochCacheKeys } from '../../src/ir/cache-keys.js';
import { applyPlan, buildPlan, recoverOutput, TXN_DIR } from '../../src/writer/index.js';
import { fixtureIr, REPO_ROOT } from '../helpers/generate-project.js';
import { tmpDir, treeHashes } from './helpers.js';
import { bulkFiles } from './kill-files.js';

const RUNS = 50;
const ir = fixtureIr();
let work: string;
let driver: string;
let irPath: string;

function compileIn(out: string, variant: string) {
  const files = bulkFiles(ir, variant);
  applyPlan(buildPlan({ outDir: out, ir, files, epochKeys: epochCacheKeys(ir, files) }));
}

/** Deterministic pseudo-random delays (mulberry32), so a failure can be replayed. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function runDriver(out: string, killAfterMs: number | null): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [driver, irPath, out, 'b'], { stdio: 'ignore' });
    if (killAfterMs !== null) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (code, signal) => done({ code, signal }));
  });
}

beforeAll(async () => {
  work = tmpDir('pipec-kill-');
  driver = join(work, 'driver.mjs');
  irPath = join(work, 'ir.json');
  writeFileSync(irPath, JSON.stringify(ir));
  await build({
    entryPoints: [join(REPO_ROOT, 'test/regen/kill-driver.ts')],
    outfile: driver,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
});

describe('kill -9 during compile', () => {
  it(`leaves the old or the new tree, over ${RUNS} random kill points`, { timeout: 600_000 }, async () => {
    const template = join(work, 'template');
    compileIn(template, 'a');
    // Unmanaged files that must survive every outcome.
    mkdirSync(join(template, 'data'), { recursive: true });
    writeFileSync(join(template, 'data/raw.csv'), 'a,b\n1,2\n');
    writeFileSync(join(template, '.context/pipeline_state.json'), '{"epochs": {"002": "completed"}}\n');
    const oldTree = treeHashes(template);
    const expectNew = join(work, 'expected-new');
    cpSync(template, expectNew, { recursive: true });
    compileIn(expectNew, 'b');
    const newTree = treeHashes(expectNew);
    expect(newTree).not.toEqual(oldTree);
    expect(newTree['data/raw.csv']).toBe(oldTree['data/raw.csv']);

    // Calibrate: how long an uninterrupted child compile takes, so kill points cover all of it.
    const calib = join(work, 'calib');
    cpSync(template, calib, { recursive: true });
    const t0 = performance.now();
    expect((await runDriver(calib, null)).code).toBe(0);
    const span = performance.now() - t0;
    expect(treeHashes(calib)).toEqual(newTree);

    const rand = rng(20261127);
    const outcomes = { old: 0, new: 0, midRolledBack: 0, midRolledForward: 0 };
    for (let i = 0; i < RUNS; i++) {
      const out = join(work, `run-${i}`);
      cpSync(template, out, { recursive: true });
      await runDriver(out, Math.floor(rand() * span * 1.1));
      const pending = existsSync(join(out, TXN_DIR));
      const committed = pending && existsSync(join(out, TXN_DIR, 'journal.json'));
      // Before its commit point a killed compile has not touched a single file outside .pipec-txn.
      const finishing = readdirSync(out).some((n) => n.startsWith(`${TXN_DIR}.done-`));
      if (pending && !committed) expect(treeHashes(out, [TXN_DIR])).toEqual(oldTree);
      // A finished transaction being deleted: the tree is already the new one.
      if (finishing) expect(treeHashes(out, readdirSync(out).filter((n) => n.startsWith(`${TXN_DIR}.done-`)))).toEqual(newTree);
      const recovered = recoverOutput(out);
      const tree = treeHashes(out);
      if (recovered === 'rolled-back') outcomes.midRolledBack++;
      if (recovered === 'rolled-forward') outcomes.midRolledForward++;
      if (JSON.stringify(tree) === JSON.stringify(oldTree)) outcomes.old++;
      else {
        expect(tree, `run ${i}: neither old nor new tree (recovery: ${recovered})`).toEqual(newTree);
        outcomes.new++;
      }
      rmSync(out, { recursive: true, force: true });
    }
    console.log(`kill -9 outcomes over ${RUNS} runs (compile ≈ ${span.toFixed(0)} ms):`, outcomes);
    expect(outcomes.old + outcomes.new).toBe(RUNS);
    // The kill points must actually land inside transactions, or the test proves nothing.
    expect(outcomes.midRolledBack + outcomes.midRolledForward).toBeGreaterThan(0);
  });
});
