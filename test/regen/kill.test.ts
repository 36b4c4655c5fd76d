/**
 * Atomicity under kill -9 (issue 6 §2), with the built CLI on the credit-risk example: a recompile
 * after a spec change, killed at a random point, leaves the old tree when killed before its commit
 * point and — after the recovery step every later run performs — exactly the old or exactly the new
 * tree, never a mix. Files pipec does not manage survive every outcome.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recoverOutput, TXN_DIR } from '../../src/writer/index.js';
import { cleanupTmp, tmpDir, treeHashes } from './helpers.js';
import { buildCli, CLI, copyExample, evolveSpec, pipec } from './cli-helpers.js';

afterAll(() => cleanupTmp());

const RUNS = 50;

/** Deterministic pseudo-random numbers (mulberry32), so a failing kill point can be replayed. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** When to kill: at a fixed time after start, or a given time after the transaction folder appears. */
type KillPoint = { atMs: number } | { afterTxnMs: number } | null;

/**
 * Run `pipec compile spec --out out` and SIGKILL it at `kill`. Reports when the transaction folder
 * first appeared (polled every millisecond) and the total time, which calibrates the kill points.
 */
function compileAndKill(spec: string, out: string, kill: KillPoint): Promise<{ code: number | null; txnAt: number | null; ms: number }> {
  return new Promise((done) => {
    const t0 = performance.now();
    let txnAt: number | null = null;
    const child = spawn(process.execPath, [CLI, 'compile', spec, '--out', out], { stdio: 'ignore' });
    const killNow = () => child.kill('SIGKILL');
    const poll = setInterval(() => {
      if (txnAt !== null || !existsSync(join(out, TXN_DIR))) return;
      txnAt = performance.now() - t0;
      if (kill !== null && 'afterTxnMs' in kill) setTimeout(killNow, kill.afterTxnMs);
    }, 1);
    if (kill !== null && 'atMs' in kill) setTimeout(killNow, kill.atMs);
    child.on('exit', (code) => {
      clearInterval(poll);
      done({ code, txnAt, ms: performance.now() - t0 });
    });
  });
}

beforeAll(() => buildCli());

describe('kill -9 during pipec compile', () => {
  it(`leaves the old or the new tree, over ${RUNS} random kill points`, { timeout: 900_000 }, async () => {
    const work = tmpDir('pipec-kill-');
    const spec = copyExample(work);
    const template = join(work, 'template');
    expect(pipec(['compile', spec, '--out', template]).status).toBe(0);
    // Unmanaged files that must survive every outcome.
    mkdirSync(join(template, 'data'), { recursive: true });
    writeFileSync(join(template, 'data/raw.csv'), 'a,b\n1,2\n');
    const oldTree = treeHashes(template);
    evolveSpec(spec);
    const expected = join(work, 'expected-new');
    cpSync(template, expected, { recursive: true });
    expect(pipec(['compile', spec, '--out', expected]).status).toBe(0);
    const newTree = treeHashes(expected);
    expect(newTree).not.toEqual(oldTree);
    expect(newTree['data/raw.csv']).toBe(oldTree['data/raw.csv']);

    // Calibrate: when the writes start and when the process ends, so kill points cluster there.
    const calib = join(work, 'calib');
    cpSync(template, calib, { recursive: true });
    const c = await compileAndKill(spec, calib, null);
    expect(c.code).toBe(0);
    expect(c.txnAt, 'the calibration compile must write through a transaction').not.toBeNull();
    expect(treeHashes(calib)).toEqual(newTree);
    // Four kill points in five land inside the write phase (from the moment .pipec-txn appears to a
    // bit past the end, as measured); the rest anywhere in the run, mostly before any write.
    const writeSpan = c.ms - c.txnAt! + 30;

    const rand = rng(20261127);
    const outcomes = { old: 0, new: 0, rolledBack: 0, rolledForward: 0 };
    for (let i = 0; i < RUNS; i++) {
      const out = join(work, `run-${i}`);
      cpSync(template, out, { recursive: true });
      const r = rand();
      const kill: KillPoint = r < 0.8 ? { afterTxnMs: Math.floor((r / 0.8) * writeSpan) } : { atMs: Math.floor(((r - 0.8) / 0.2) * c.ms) };
      await compileAndKill(spec, out, kill);
      const finished = readdirSync(out).filter((n) => n.startsWith(`${TXN_DIR}.done-`));
      const pending = existsSync(join(out, TXN_DIR));
      // Before its commit point a killed compile has not touched one file outside .pipec-txn.
      if (pending && !existsSync(join(out, TXN_DIR, 'journal.json'))) expect(treeHashes(out, [TXN_DIR])).toEqual(oldTree);
      // Killed while deleting a finished transaction: the tree is already the new one.
      if (finished.length > 0) expect(treeHashes(out, finished)).toEqual(newTree);
      const recovered = recoverOutput(out);
      if (recovered === 'rolled-back') outcomes.rolledBack++;
      if (recovered === 'rolled-forward') outcomes.rolledForward++;
      const tree = treeHashes(out);
      if (JSON.stringify(tree) === JSON.stringify(oldTree)) outcomes.old++;
      else {
        expect(tree, `run ${i} (kill ${JSON.stringify(kill)}): neither old nor new tree (recovery: ${recovered})`).toEqual(newTree);
        outcomes.new++;
      }
      rmSync(out, { recursive: true, force: true });
    }
    console.log(`kill -9 over ${RUNS} runs (compile ${c.ms.toFixed(0)} ms, writes from ${c.txnAt!.toFixed(0)} ms):`, outcomes);
    expect(outcomes.old + outcomes.new).toBe(RUNS);
    // The kill points must land inside transactions on both sides of the commit point.
    expect(outcomes.rolledBack).toBeGreaterThan(0);
    expect(outcomes.rolledForward + outcomes.new).toBeGreaterThan(0);
  });
});
