/** `pipec run` driven through src/runner against the fixture project with real Python child processes. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import pidtree from 'pidtree';
import { beforeEach, describe, expect, it } from 'vitest';
import { IrSchema } from '../../src/ir/schema.js';
import { runPipeline } from '../../src/runner/run.js';
import { readState } from '../../src/runner/project.js';
import { collector, FIXTURE, fixtureEnv, freshProject, PYTHON, REPO, runOpts, useRepoRuntime } from './helpers.js';

const headers = (text: string) => [...text.matchAll(/^\[\d+\/\d+ (\d{3})\] epoch/gm)].map((m) => m[1]);
const workLines = (dir: string) => {
  const log = join(dir, 'data', 'fixture', 'epoch001-generate', 'work.log');
  return existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).length : 0;
};

beforeEach(() => useRepoRuntime());

describe('pipec run', () => {
  it('the fixture IR is valid per the IR schema', () => {
    const ir = JSON.parse(readFileSync(join(FIXTURE, '.pipec', 'ir.json'), 'utf8'));
    expect(IrSchema.safeParse(ir).success).toBe(true);
  });

  it('runs every epoch in order, approving reviews with --yes', async () => {
    const dir = freshProject();
    const io = collector();
    expect(await runPipeline(runOpts(dir, { yes: true }), io)).toBe(0);
    expect(headers(io.text())).toEqual(['001', '002', '003']);
    expect(io.text()).toContain('[1/3 001] +');
    expect(io.text()).toContain('│ Generated 1000/1000 rows (Memory: ');
    expect(io.text()).toContain('review after epoch 002 approved by');
    const state = readState(dir);
    expect(Object.entries(state.epochs).map(([id, e]) => [id, e.status])).toEqual([
      ['001', 'completed'],
      ['002', 'completed'],
      ['003', 'completed'],
    ]);
    expect(state.epochs['002']?.review?.via).toBe('flag');
    expect(existsSync(join(dir, '.context', 'run.lock'))).toBe(false);
    expect(existsSync(join(dir, '.context', 'run.lock.owner.json'))).toBe(false);
  });

  it('library output goes to the epoch log, not the console; --verbose shows it; a closing summary follows', async () => {
    const dir = freshProject();
    fixtureEnv({ FIXTURE_NOISE: '1' });
    const io = collector();
    expect(await runPipeline(runOpts(dir, { only: '001' }), io)).toBe(0);
    expect(io.text()).not.toContain('fixture library');
    expect(io.text()).toMatch(/│ \d+ lines? of library output in \.context\/logs\/epoch001\.log/);
    const log = readFileSync(join(dir, '.context', 'logs', 'epoch001.log'), 'utf8');
    expect(log).toContain('UserWarning: fixture library warning');
    expect(log).toContain('fixture library log line');
    expect(io.text()).toContain('library output of each epoch:');
    process.env.PIPEC_VERBOSE = '1';
    try {
      const verbose = collector();
      expect(await runPipeline(runOpts(dir, { only: '001' }), verbose)).toBe(0);
      expect(verbose.text()).toContain('fixture library warning');
    } finally {
      delete process.env.PIPEC_VERBOSE;
    }
  });

  it('a failed gate stops the run and names the rule; the next epoch never starts', async () => {
    const dir = freshProject();
    fixtureEnv({ FIXTURE_MISSING: '9' });
    const io = collector();
    expect(await runPipeline(runOpts(dir, { yes: true }), io)).toBe(1);
    expect(headers(io.text())).toEqual(['001', '002']);
    expect(io.text()).toContain(
      'ERR ✘ 002 assess failed after',
    );
    expect(io.text()).toContain(
      'GateFailedError: epoch 002 gate failed: rule 002:1 quality.missing_percent <= 5% failed: observed 9%',
    );
    expect(readState(dir).epochs['003']).toBeUndefined();
    // Running 003 alone is refused by the prerequisite check, naming the failed rule.
    const only = collector();
    expect(await runPipeline(runOpts(dir, { only: '003', yes: true }), only)).toBe(1);
    expect(only.text()).toContain('ERR blocked 003 train: epoch 002 gate: rule 002:1 quality.missing_percent <= 5% failed: observed 9%');
    expect(readState(dir).epochs['003']?.status).toBe('blocked');
  });

  it('--resume after kill -9 continues from the checkpoint and redoes at most 10%', async () => {
    const dir = freshProject();
    fixtureEnv({ FIXTURE_ROWS: '3000', FIXTURE_SLEEP: '0.03' });
    const io = collector();
    const running = runPipeline(runOpts(dir, { yes: true }), io);
    const deadline = Date.now() + 60_000;
    const target = 8 + Math.floor(Math.random() * 18); // of 30 chunks
    while (workLines(dir) < target && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    const epochPids = (await pidtree(process.pid)).filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('epoch001-generate/scripts/run_epoch.py');
      } catch {
        return false; // exited meanwhile (e.g. the `ps` pidtree itself ran)
      }
    });
    expect(epochPids).toHaveLength(1);
    process.kill(epochPids[0] as number, 'SIGKILL');
    expect(await running).toBe(1);
    expect(io.text()).toContain('killed by SIGKILL; rerun with --resume');
    expect(readState(dir).epochs['001']?.status).toBe('failed');
    fixtureEnv({ FIXTURE_SLEEP: '0' });
    const again = collector();
    expect(await runPipeline(runOpts(dir, { resume: true, yes: true }), again)).toBe(0);
    expect(again.text()).toContain('resuming from checkpoint at');
    const redone = workLines(dir) - 30;
    expect(redone).toBeGreaterThanOrEqual(0);
    expect(redone).toBeLessThanOrEqual(3);
    const parts = readFileSync(join(dir, '.context', 'pipeline_state.json'), 'utf8');
    expect(JSON.parse(parts).epochs['001'].facts['data.rows']).toBe(3000);
    expect(JSON.parse(parts).epochs['001'].attempts).toBe(2);
  });

  it('--only and --from select epochs; --resume skips completed ones and reruns stale ones', async () => {
    const dir = freshProject();
    expect(await runPipeline(runOpts(dir, { yes: true }), collector())).toBe(0);
    const only = collector();
    expect(await runPipeline(runOpts(dir, { only: '003' }), only)).toBe(0);
    expect(headers(only.text())).toEqual(['003']);
    const from = collector();
    expect(await runPipeline(runOpts(dir, { from: '002' }), from)).toBe(0);
    expect(headers(from.text())).toEqual(['002', '003']);
    const stale = await execa(PYTHON, ['-m', 'pipec_runtime', '--root', dir, 'stale', '002'], { reject: false });
    expect(stale.exitCode).toBe(0);
    const resumed = collector();
    expect(await runPipeline(runOpts(dir, { resume: true }), resumed)).toBe(0);
    expect(resumed.lines[0]).toBe('skip  001 generate (completed)');
    expect(headers(resumed.text())).toEqual(['002', '003']); // 003 depends on the stale 002
    expect(readState(dir).epochs['001']?.attempts).toBe(1);
  });

  it('--only on an epoch whose prerequisites never ran is blocked, naming them', async () => {
    const dir = freshProject();
    const io = collector();
    expect(await runPipeline(runOpts(dir, { only: '002' }), io)).toBe(1);
    expect(io.lines).toEqual(['ERR blocked 002 assess: epoch 001 is not completed (status: pending)']);
  });

  it('refuses a second concurrent run on the same project, and takes over a dead holder\'s lock', async () => {
    const dir = freshProject();
    fixtureEnv({ FIXTURE_SLEEP: '0.1' });
    const first = runPipeline(runOpts(dir, { yes: true }), collector());
    const deadline = Date.now() + 30_000;
    while (workLines(dir) < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    const second = collector();
    expect(await runPipeline(runOpts(dir, { yes: true }), second)).toBe(1);
    expect(second.lines).toHaveLength(1);
    expect(second.lines[0]).toMatch(/^ERR error: another pipec run is already running on this project \(pid \d+, started /);
    expect(await first).toBe(0);
    // A lock left by a killed run (its pid is gone) does not block the next one.
    const lock = join(dir, '.context', 'run.lock');
    mkdirSync(lock);
    writeFileSync(`${lock}.owner.json`, JSON.stringify({ pid: 2 ** 22 + 12345, startedAt: 'x' }));
    fixtureEnv({ FIXTURE_SLEEP: '0' });
    expect(await runPipeline(runOpts(dir, { only: '003' }), collector())).toBe(0);
  });

  it('kills an epoch whose process tree passes the memory limit and records ResourceLimitError', async () => {
    const dir = freshProject();
    expect(await runPipeline(runOpts(dir, { yes: true, from: '001' }), collector())).toBe(0);
    fixtureEnv({ FIXTURE_ALLOC_MB: '1000' });
    const io = collector();
    expect(await runPipeline(runOpts(dir, { only: '003', maxMemoryBytes: 200 * 1024 ** 2 }), io)).toBe(1);
    expect(io.text()).toMatch(/ResourceLimitError: process tree memory \d+ MB exceeded the limit of 200 MB; stopped/);
    const rec = readState(dir).epochs['003'];
    expect(rec?.status).toBe('failed');
    expect(rec?.error?.type).toBe('ResourceLimitError');
    const log = JSON.parse(readFileSync(join(dir, '.context', 'error_log.json'), 'utf8')) as { errors: { type: string }[] };
    expect(log.errors.at(-1)?.type).toBe('ResourceLimitError');
  });

  it('counts the memory of the whole process tree: a grandchild hog is killed with its parent', async () => {
    const dir = freshProject();
    expect(await runPipeline(runOpts(dir, { yes: true }), collector())).toBe(0);
    fixtureEnv({ FIXTURE_ALLOC_MB: '1000', FIXTURE_HOG_IN_CHILD: '1' });
    const io = collector();
    expect(await runPipeline(runOpts(dir, { only: '003', maxMemoryBytes: 200 * 1024 ** 2 }), io)).toBe(1);
    expect(io.text()).toMatch(/ResourceLimitError: process tree memory \d+ MB exceeded the limit of 200 MB; stopped/);
    const hogPid = Number(readFileSync(join(dir, 'hog.pid'), 'utf8'));
    // The grandchild is gone too (or a zombie: a container's init may not reap orphans at once).
    const stat = existsSync(`/proc/${hogPid}/stat`) ? readFileSync(`/proc/${hogPid}/stat`, 'utf8') : '';
    expect(stat === '' || /^\d+ \(.*\) Z /.test(stat)).toBe(true);
    expect(readState(dir).epochs['003']?.error?.type).toBe('ResourceLimitError');
  });

  it('stops an epoch that runs past --timeout-per-epoch', async () => {
    const dir = freshProject();
    fixtureEnv({ FIXTURE_SLEEP: '5' });
    const io = collector();
    expect(await runPipeline(runOpts(dir, { timeoutSeconds: 1 }), io)).toBe(1);
    expect(io.text()).toContain('ResourceLimitError: timed out after 1.0s; stopped');
    expect(readState(dir).epochs['001']?.error?.type).toBe('ResourceLimitError');
  });

  it('a pending review with no terminal fails closed (no hang) and says how to approve', async () => {
    const dir = freshProject();
    const io = collector();
    expect(await runPipeline(runOpts(dir), io)).toBe(1);
    expect(headers(io.text())).toEqual(['001', '002']);
    const blocked = io.lines.filter((l) => l.startsWith('ERR blocked'));
    expect(blocked).toEqual([
      'ERR blocked 003 train: review after epoch 002 ("Data quality review") is not approved and there is no terminal to ask on; ' +
        'approve with `pipec run --approve 002`, `python -m pipec_runtime review 002 --approve`, env PIPEC_APPROVE=002, ' +
        'or add "002" to .context/approvals.json',
    ]);
    expect(readState(dir).epochs['003']?.status).toBe('blocked');
    const approvals = JSON.parse(readFileSync(join(dir, '.context', 'approval_log.json'), 'utf8')) as {
      decisions: { epoch: string; decision: string }[];
    };
    expect(approvals.decisions.map((d) => [d.epoch, d.decision])).toEqual([['002', 'missing']]);
    const approved = collector();
    expect(await runPipeline(runOpts(dir, { resume: true, approve: ['002'] }), approved)).toBe(0);
    expect(headers(approved.text())).toEqual(['003']);
  });

  it('reports usage problems as RunUsageError (exit 2 in the CLI)', async () => {
    const dir = freshProject();
    await expect(runPipeline(runOpts(dir, { only: '042' }), collector())).rejects.toThrow(
      '--only 042: no such epoch (epochs: 001, 002, 003)',
    );
    await expect(runPipeline(runOpts(join(REPO, 'no-such-project')), collector())).rejects.toThrow(
      'is not a generated project (no .pipec/ir.json)',
    );
    await expect(runPipeline(runOpts(dir, { python: join(dir, 'no-python') }), collector())).rejects.toThrow(
      `the Python interpreter ${join(dir, 'no-python')} (--python) does not exist`,
    );
    delete process.env.PYTHONPATH; // the fixture does not vendor the runtime under src/
    await expect(runPipeline(runOpts(dir), collector())).rejects.toThrow(
      `the Python interpreter ${PYTHON} (--python) cannot run the project's runtime (${PYTHON}: No module named pipec_runtime); the project should vendor it as src/pipec_runtime`,
    );
  });
});
