/**
 * Issue 17's scenario, as a new user meets it: the spec in a folder of its own (no `.venv` beside it),
 * a `python3` first on PATH that lacks the runtime's packages, a full run of the iris example (150 rows),
 * then a stricter, unreachable 005 gate: `compile` marks nothing through Python and warns about nothing,
 * `run --resume` re-checks the gate on the recorded facts (no retraining), fails with the rule's message
 * and exit 1, and `status` shows it. A gate that passes is re-checked the same way (exit 0); a features
 * change reruns 004 and everything downstream, and only that.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/generate-project.js';
import { CLI, buildCli } from '../regen/cli-helpers.js';
import { cleanupTmp, tmpDir } from '../regen/helpers.js';

const EXAMPLE = join(REPO_ROOT, 'examples', 'iris-species');
let dir = '';
let fakeBin = '';

/** A `python3` without site-packages: the interpreter a fresh machine has, lacking filelock, pandas, … */
function bareBin(): string {
  const bin = tmpDir('pipec-bare-python-');
  const base = spawnSync(join(REPO_ROOT, '.venv', 'bin', 'python'), ['-c', 'import sys; print(sys._base_executable)'], { encoding: 'utf8' }).stdout.trim();
  writeFileSync(join(bin, 'python3'), `#!/bin/sh\nexec "${base}" -s -S "$@"\n`);
  chmodSync(join(bin, 'python3'), 0o755);
  return bin;
}

/**
 * Run the CLI in the spec's folder with the bare python3 first on PATH and no PIPEC_PYTHON.
 * Asynchronous: a multi-minute run must not block the vitest worker past its RPC timeout.
 */
async function cli(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), NO_COLOR: '1', PATH: `${fakeBin}:${process.env.PATH ?? ''}` };
  delete env.PIPEC_PYTHON;
  delete env.PYTHONPATH;
  const r = await execa(process.execPath, [CLI, ...args], { cwd: dir, timeout: 600_000, env, extendEnv: false, reject: false, stdin: 'ignore' });
  return { status: r.exitCode ?? null, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
}

/** The iris spec with an extra block before the closing brace. */
function specWith(extra: string): string {
  const text = readFileSync(join(EXAMPLE, 'project.pipeline'), 'utf8').trimEnd();
  return `${text.slice(0, -1)}${extra}}\n`;
}

const show = (r: { stdout: string; stderr: string }) => `${r.stdout}\n--- stderr ---\n${r.stderr}`;
const state = () => JSON.parse(readFileSync(join(dir, 'out', '.context', 'pipeline_state.json'), 'utf8'));
const record = () => JSON.parse(readFileSync(join(dir, 'out', '.context', 'pipec_record.json'), 'utf8'));

describe('pipec run --resume decides from keys (issue 17 scenario)', () => {
  beforeAll(() => {
    buildCli();
    dir = tmpDir('pipec-user-');
    fakeBin = bareBin();
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(EXAMPLE, 'data.csv'), join(dir, 'data.csv'));
    writeFileSync(join(dir, 'project.pipeline'), readFileSync(join(EXAMPLE, 'project.pipeline')));
  });
  afterAll(cleanupTmp);

  it('the bare python3 is refused with its name and the install command', async () => {
    expect((await cli(['compile', 'project.pipeline', '--out', 'out'])).status).toBe(0);
    const r = await cli(['run', 'out', '--python', 'python3']);
    expect(r.status, show(r)).toBe(2);
    expect(r.stderr).toContain(`the Python interpreter ${join(fakeBin, 'python3')} (--python) lacks the runtime's packages (no module named 'filelock'); install them with \`${join(fakeBin, 'python3')} -m pip install -r ${join(dir, 'out', 'requirements.txt')}\``);
  });

  it('a stricter, unreachable gate is re-checked on the recorded facts and fails with its message', async () => {
    const full = await cli(['run', 'out', '--yes']);
    expect(full.status, show(full)).toBe(0);
    expect(full.stdout).toContain('done: 8 epoch(s) ran, 0 skipped');
    const trainedAttempts = state().epochs['005'].attempts;

    writeFileSync(join(dir, 'project.pipeline'), specWith('  epoch 005 {\n    gate {\n      require metric.log_loss <= 0.001\n    }\n  }\n'));
    const compiled = await cli(['compile', 'project.pipeline', '--out', 'out']);
    expect(compiled.status, show(compiled)).toBe(0);
    expect(compiled.stderr).not.toContain('warning');
    expect(compiled.stdout).toContain('005 epoch005-model-development           re-check gate');
    expect(compiled.stdout).toContain('gates to re-check: 005.');
    const before = await cli(['status', 'out']);
    expect(before.stdout).toMatch(/005 +model_development +gate changed/);

    const resumed = await cli(['run', 'out', '--resume', '--yes']);
    expect(resumed.status, show(resumed)).toBe(1);
    expect(resumed.stderr).toContain('✘ 005 model_development failed after');
    // The observed value is whatever the recorded run measured; the rule and its failure are what matter.
    expect(resumed.stderr).toMatch(/GateFailedError: epoch 005 gate failed: rule 005:4 metric.log_loss <= 0.001 failed: observed 0\.\d+/);
    for (const id of ['001', '002', '003', '004', '006', '007', '008']) expect(resumed.stdout).toMatch(new RegExp(`skip  ${id} `));
    expect(resumed.stdout).not.toContain('│'); // no epoch script ran
    expect(state().epochs['005'].attempts).toBe(trainedAttempts); // not retrained
    expect(state().epochs['005'].status).toBe('failed');
    const attempts = record().epochs['005'].attempts;
    expect(attempts.at(-1)).toMatchObject({ kind: 'recheck-gate', cause: 'gate change', outcome: 'failed' });

    const status = await cli(['status', 'out']);
    expect(status.status, show(status)).toBe(1);
    expect(status.stdout).toMatch(/005 +model_development +failed +FAILED 005:4/);
    expect(status.stdout).toContain('error  005: GateFailedError: epoch 005 gate failed: rule 005:4 metric.log_loss <= 0.001');
  }, 900_000);

  it('a gate that passes is re-checked the same way, without retraining', async () => {
    writeFileSync(join(dir, 'project.pipeline'), specWith('  epoch 005 {\n    gate {\n      require metric.accuracy >= 0.5\n    }\n  }\n'));
    expect((await cli(['compile', 'project.pipeline', '--out', 'out'])).status).toBe(0);
    const resumed = await cli(['run', 'out', '--resume', '--yes']);
    expect(resumed.status, show(resumed)).toBe(0);
    expect(resumed.stdout).toContain('✔ 005 model_development gate passed on recorded facts (4 rules)');
    expect(resumed.stdout).toContain('done: 0 epoch(s) ran, 1 gate(s) re-checked, 7 skipped');
    expect((await cli(['status', 'out'])).status).toBe(0);
  }, 120_000);

  it('a features change reruns 004 and everything downstream, and nothing upstream', async () => {
    writeFileSync(
      join(dir, 'project.pipeline'),
      specWith('  epoch 005 {\n    gate {\n      require metric.accuracy >= 0.5\n    }\n  }\n  features {\n    split test 30% stratify seed 7\n  }\n'),
    );
    const compiled = await cli(['compile', 'project.pipeline', '--out', 'out']);
    expect(compiled.status, show(compiled)).toBe(0);
    expect(compiled.stdout).toContain('Marked stale (rerun with `pipec run out --resume`): 004, 005, 006, 007, 008');
    const status = JSON.parse((await cli(['status', 'out', '--format', 'json'])).stdout) as { epochs: { epoch: string; status: string }[] };
    expect(status.epochs.map((e) => `${e.epoch}:${e.status}`)).toEqual(['001:done', '002:done', '003:done', '004:stale', '005:stale', '006:stale', '007:stale', '008:stale']);
    const resumed = await cli(['run', 'out', '--resume', '--yes']);
    expect(resumed.status, show(resumed)).toBe(0);
    for (const id of ['001', '002', '003']) expect(resumed.stdout).toMatch(new RegExp(`skip  ${id} `));
    expect(resumed.stdout).toContain('done: 5 epoch(s) ran, 3 skipped');
    expect(record().epochs['004'].attempts.at(-1)).toMatchObject({ cause: 'spec change', outcome: 'completed' });
    expect(record().epochs['006'].attempts.at(-1)).toMatchObject({ cause: 'upstream rerun', outcome: 'completed' });
    // The retrospective (rerun last) tells these attempts with their real causes, from the record.
    const markdown = readFileSync(join(dir, 'out', 'artifacts', 'epoch008-retrospective', 'retrospective.md'), 'utf8');
    const retro = markdown.replace(/\\(.)/g, '$1'); // as rendered: Markdown escapes removed
    expect(retro).toContain('## Attempts');
    expect(retro).toContain('- 005 model_development: attempt 2 (gate change: re-checked on the recorded facts, not rerun): failed: GateFailedError');
    expect(retro).toContain('- 005 model_development: attempt 4 (upstream rerun: ran from the start): completed');
    expect(retro).toContain('Epoch 005 had 4 attempts');
    expect(retro).toContain('[source: .context/pipec_record.json epochs.005.attempts]');
    expect(retro).not.toContain('checkpoints let the retries resume');
  }, 900_000);
});
