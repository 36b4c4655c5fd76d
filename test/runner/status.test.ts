/** `pipec status` (collectStatus / renderStatusTable) and the built CLI's exit codes for run/status. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/runner/run.js';
import { collectStatus, renderStatusTable } from '../../src/runner/status.js';
import { collector, fixtureEnv, freshProject, REPO, runOpts, useRepoRuntime } from './helpers.js';

const CLI = join(REPO, 'dist', 'pipec.js');

beforeAll(async () => {
  // The CLI test needs the bundle; `npm test` builds it first, a lone `vitest run` may not have.
  if (!existsSync(CLI)) await execa('node', ['scripts/build.mjs'], { cwd: REPO });
}, 120_000);
beforeEach(() => useRepoRuntime());

describe('pipec status', () => {
  it('shows done / failed / pending with gate results, reviews, checkpoint and time', async () => {
    const dir = freshProject();
    fixtureEnv({ FIXTURE_SCORE: '0.4' });
    const io = collector();
    expect(await runPipeline(runOpts(dir, { approve: ['002'] }), io)).toBe(1);
    expect(io.lines.find((l) => l.startsWith('✔ 001'))).toMatch(/^✔ 001 generate completed in \S+ on pandas \(peak tree memory /);
    const report = await collectStatus(dir);
    expect(report.ok).toBe(false);
    expect(report.epochs.map((r) => [r.epoch, r.status, r.attempts, r.engine])).toEqual([
      ['001', 'done', 1, 'pandas'],
      ['002', 'done', 1, 'pandas'],
      ['003', 'failed', 1, 'pandas'],
    ]);
    expect(report.epochs[2]?.gate).toEqual({ passed: false, total: 1, failed: [{ rule: '003:1', expected: 0.7, observed: 0.4 }] });
    expect(report.epochs[1]?.review).toMatchObject({ title: 'Data quality review', status: 'approved' });
    const table = renderStatusTable(report).split('\n');
    expect(table[0]).toBe('project fixture');
    expect(table[1]).toMatch(/^epoch\s+name\s+status\s+gate\s+review\s+checkpoint\s+elapsed \/ estimate\s+engine$/);
    expect(table[3]).toMatch(/^001\s+generate\s+done\s+passed 1\/1\s+—\s+—\s+\d+\.\ds \/ 6\.0s\s+pandas$/);
    expect(table[4]).toMatch(/^002\s+assess\s+done\s+passed 1\/1\s+approved by \S+\s+—/);
    expect(table[5]).toMatch(/^003\s+train\s+failed\s+FAILED 003:1 \(0\.4 vs 0\.7\)\s+—\s+—/);
    expect(table[6]).toBe(
      'error  003: GateFailedError: epoch 003 gate failed: rule 003:1 metric.score >= 0.7 failed: observed 0.4 (score must reach 0.7)',
    );
  });

  it('shows checkpoint progress and an interrupted epoch (running, but no run holds the lock)', async () => {
    const dir = freshProject();
    writeFileSync(
      join(dir, '.context', 'pipeline_state.json'),
      JSON.stringify({ epochs: { '001': { status: 'running', attempts: 1 } }, blockers: [], warnings: [] }),
    );
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, '.context', 'checkpoints'));
    writeFileSync(join(dir, '.context', 'checkpoints', 'epoch001_checkpoint.json'), JSON.stringify({ progress_percent: 40 }));
    const report = await collectStatus(dir);
    expect(report.epochs[0]).toMatchObject({ status: 'interrupted', checkpointPercent: 40 });
    expect(renderStatusTable(report).split('\n')[3]).toMatch(/^001\s+generate\s+interrupted\s+—\s+—\s+40%/);
    expect(report.ok).toBe(true);
  });

  it('shows the engine each epoch ran on: a Dask record names its workers and scheduler', async () => {
    const dir = freshProject();
    const dask = { engine: 'dask', scheduler: 'local', workers: 2, worker_memory_limit_bytes: 1 << 30 };
    writeFileSync(
      join(dir, '.context', 'pipeline_state.json'),
      JSON.stringify({
        epochs: { '001': { status: 'completed', attempts: 1, engine: { engine: 'pandas' } }, '002': { status: 'failed', attempts: 1, engine: dask } },
        blockers: [],
        warnings: [],
      }),
    );
    const report = await collectStatus(dir);
    expect(report.epochs.map((r) => r.engine)).toEqual(['pandas', 'dask (2 workers, local)', null]);
    expect(renderStatusTable(report).split('\n')[4]).toMatch(/\s+dask \(2 workers, local\)$/);
  });

  it('the CLI: status exit codes and JSON, run usage errors exit 2', async () => {
    const dir = freshProject();
    const env = { ...process.env };
    const fresh = await execa('node', [CLI, 'status', dir, '--format', 'json'], { reject: false, env });
    expect(fresh.exitCode).toBe(0);
    expect((JSON.parse(fresh.stdout) as { epochs: { status: string }[] }).epochs.map((e) => e.status)).toEqual([
      'pending',
      'pending',
      'pending',
    ]);
    const run = await execa('node', [CLI, 'run', dir, '--yes', '--python', join(REPO, '.venv', 'bin', 'python')], {
      reject: false,
      env,
    });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('done: 3 epoch(s) ran, 0 skipped');
    const status = await execa('node', [CLI, 'status', dir], { reject: false, env });
    expect(status.exitCode).toBe(0);
    expect(status.stdout.split('\n').filter((l) => /^\d{3}\s/.test(l)).map((l) => l.split(/\s+/)[2])).toEqual(['done', 'done', 'done']);
    for (const [args, message] of [
      [['run', dir, '--max-memory', 'lots'], 'error: invalid size "lots": use a number with B, KB, MB, GB or TB, e.g. 12GB'],
      [['run', dir, '--timeout-per-epoch', '5 minutes'], 'error: invalid duration "5 minutes": use a number with s, m, h or d, e.g. 30m or 1h30m'],
      [['run', dir, '--from', '5'], 'error: --from expects an epoch id of three digits (e.g. 005), got "5"'],
      [['status', join(dir, 'nope')], `error: ${join(dir, 'nope')} is not a generated project (no .pipec/ir.json): run \`pipec compile\` first`],
    ] as const) {
      const r = await execa('node', [CLI, ...args], { reject: false, env });
      expect([r.exitCode, r.stderr.trim()]).toEqual([2, message]);
    }
  });

  it('the CLI: Ctrl-C stops the epoch tree, records it and exits 130; --resume continues', async () => {
    const dir = freshProject();
    const env = { ...process.env, FIXTURE_ROWS: '3000', FIXTURE_SLEEP: '0.05' };
    const python = join(REPO, '.venv', 'bin', 'python');
    const child = execa('node', [CLI, 'run', dir, '--yes', '--python', python], { reject: false, env });
    const log = join(dir, 'data', 'fixture', 'epoch001-generate', 'work.log');
    const deadline = Date.now() + 60_000;
    while (!(existsSync(log) && readFileSync(log, 'utf8').split('\n').length > 12) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGINT');
    const r = await child;
    expect(r.exitCode).toBe(130);
    expect(r.stderr).toContain('✘ 001 generate interrupted after');
    const lines = readFileSync(log, 'utf8').split('\n').length;
    await new Promise((res) => setTimeout(res, 300));
    expect(readFileSync(log, 'utf8').split('\n').length).toBe(lines); // the epoch process is gone
    const state = JSON.parse(readFileSync(join(dir, '.context', 'pipeline_state.json'), 'utf8'));
    expect(state.epochs['001'].error.message).toBe('interrupted (Ctrl-C); rerun with --resume to continue');
    const resumed = await execa('node', [CLI, 'run', dir, '--resume', '--yes', '--python', python], {
      reject: false,
      env: { ...env, FIXTURE_SLEEP: '0' },
    });
    expect(resumed.exitCode).toBe(0);
    expect(resumed.stdout).toContain('resuming from checkpoint at');
  });
});
