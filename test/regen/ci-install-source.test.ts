/**
 * The generated CI installs the pipec it was compiled with: the workflow and the pre-commit hooks name
 * no unpinned package (every npm/pip install is a pinned source, a requirements file, or `pkg==X.Y.Z`),
 * and the workflow's install step, run by bash with a stand-in npm, installs exactly the pinned source
 * or refuses. PIPEC_INSTALL_SOURCE is checked at compile time (exit 2 for a source that is not pinned).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createEmitContext } from '../../src/emit/index.js';
import { emitCi } from '../../src/emit/ci/workflow.js';
import { parsePipecSource, type PipecSource } from '../../src/emit/ci/install-source.js';
import { fixtureIr, testAssets } from '../helpers/generate-project.js';
import { CLI, EXAMPLE_SPEC } from './cli-helpers.js';
import { cleanupTmp, tmpDir } from './helpers.js';

type Step = { name?: string; run?: string; uses?: string };
type Workflow = { env: Record<string, string>; jobs: Record<string, { steps: Step[] }> };
type Hooks = { repos: { hooks: { id: string; entry: string; language: string; additional_dependencies?: string[] }[] }[] };

const COMMIT = '0123456789abcdef0123456789abcdef01234567';
const GIT: PipecSource = { kind: 'git', url: 'git+https://example.org/acme/pipec.git', commit: COMMIT };
const TARBALL: PipecSource = { kind: 'tarball', url: 'https://example.org/pipec-0.1.0.tgz', integrity: `sha512-${'A'.repeat(86)}==` };

async function emitWith(source: PipecSource | null): Promise<{ wf: Workflow; hooks: Hooks; text: string }> {
  const [wf, hook] = emitCi(createEmitContext(fixtureIr(), { ...(await testAssets()), pipecSource: source }));
  return { wf: parse(wf!.contents) as Workflow, hooks: parse(hook!.contents) as Hooks, text: `${wf!.contents}\n${hook!.contents}` };
}

/** Every install command in the workflow's steps, one per line that installs something. */
function installLines(wf: Workflow): string[] {
  return Object.values(wf.jobs)
    .flatMap((j) => j.steps.map((s) => s.run ?? ''))
    .flatMap((run) => run.split('\n'))
    .map((l) => l.trim())
    .filter((l) => /\b(npm|pip|npx|yarn|pnpm)\b.*\binstall\b|\bnpx\b/.test(l));
}

/**
 * Run the install step with bash and PIPEC_SOURCE set; a stand-in npm logs its arguments, a stand-in
 * curl "downloads" `tarball` (the real openssl and base64 check it).
 */
function runInstallStep(wf: Workflow, source: string, tarball = '/dev/null'): { status: number | null; npmArgs: string; out: string } {
  const step = wf.jobs.spec!.steps.find((s) => s.name?.startsWith('Install pipec'))!;
  const bin = tmpDir('pipec-fake-npm-');
  const log = join(bin, 'npm.log');
  writeFileSync(join(bin, 'npm'), `#!/bin/sh\necho "$@" >> "${log}"\n`);
  writeFileSync(join(bin, 'curl'), `#!/bin/sh\nwhile [ $# -gt 0 ]; do [ "$1" = "-o" ] && cp "${tarball}" "$2"; shift; done\n`);
  chmodSync(join(bin, 'npm'), 0o755);
  chmodSync(join(bin, 'curl'), 0o755);
  writeFileSync(log, '');
  const r = spawnSync('bash', ['-c', step.run!], { encoding: 'utf8', env: { PATH: `${bin}:/usr/bin:/bin`, PIPEC_SOURCE: source, RUNNER_TEMP: bin } });
  return { status: r.status, npmArgs: readFileSync(log, 'utf8').trim(), out: `${r.stdout}${r.stderr}` };
}

describe('the generated CI installs a pinned pipec', () => {
  afterAll(cleanupTmp);

  it('names no unpinned package and records the git source with its exact commit', async () => {
    const { wf, hooks, text } = await emitWith(GIT);
    expect(parsePipecSource(wf.env.PIPEC_SOURCE!)).toEqual(GIT);
    // npm installs only the pinned source or the tarball whose hash was checked; pip only the pinned requirements.
    expect(installLines(wf).sort()).toEqual([
      'npm install --global "$PIPEC_SOURCE" ;;',
      'npm install --global "$RUNNER_TEMP/pipec.tgz" ;;',
      'python -m pip install -r requirements.txt',
    ]);
    expect(text).not.toContain('pipec@');
    for (const h of hooks.repos[0]!.hooks) {
      expect(h.language).toBe('node');
      expect(h.additional_dependencies).toEqual([`${GIT.url}#${COMMIT}`]);
    }
    const r = runInstallStep(wf, wf.env.PIPEC_SOURCE!);
    expect(r.status, r.out).toBe(0);
    expect(r.npmArgs).toBe(`install --global git+https://example.org/acme/pipec.git#${COMMIT}`);
  });

  it('records a tarball with its integrity; the step refuses a tarball whose content does not match', async () => {
    const { wf, hooks } = await emitWith(TARBALL);
    expect(parsePipecSource(wf.env.PIPEC_SOURCE!)).toEqual(TARBALL);
    expect(hooks.repos[0]!.hooks[0]!.additional_dependencies).toEqual([TARBALL.url]);
    const tgz = join(tmpDir('pipec-tgz-'), 'pipec-0.1.0.tgz');
    writeFileSync(tgz, 'the pinned tarball');
    const sri = `sha512-${createHash('sha512').update('the pinned tarball').digest('base64')}`;
    const good = runInstallStep(wf, `${TARBALL.url}#${sri}`, tgz);
    expect(good.status, good.out).toBe(0);
    expect(good.npmArgs).toMatch(/^install --global \/.*\/pipec\.tgz$/);
    writeFileSync(tgz, 'someone else\'s tarball');
    const bad = runInstallStep(wf, `${TARBALL.url}#${sri}`, tgz);
    expect(bad.status).toBe(1);
    expect(bad.out).toContain('pipec tarball integrity mismatch');
    expect(bad.npmArgs).toBe('');
  });

  it('without a recorded source, the step and the hooks refuse instead of installing a name', async () => {
    const { wf, hooks } = await emitWith(null);
    expect(wf.env.PIPEC_SOURCE).toBe('');
    const r = runInstallStep(wf, '');
    expect(r.status).toBe(1);
    expect(r.out).toContain('PIPEC_SOURCE is not a pinned source');
    expect(r.npmArgs).toBe('');
    expect(runInstallStep(wf, 'git+https://example.org/acme/pipec.git#main').status).toBe(1);
    expect(hooks.repos[0]!.hooks.map((h) => h.language)).toEqual(['fail', 'fail']);
  });

  it('pipec compile records PIPEC_INSTALL_SOURCE and refuses one that is not pinned', () => {
    const out = join(tmpDir('pipec-ci-src-'), 'out');
    const run = (source: string) =>
      spawnSync(process.execPath, [CLI, 'compile', EXAMPLE_SPEC, '--out', out], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', PIPEC_INSTALL_SOURCE: source } });
    const bad = run('pipec@0.1.0');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('PIPEC_INSTALL_SOURCE must be a git URL with an exact commit');
    const ok = run(`${GIT.url}#${COMMIT}`);
    expect(ok.status, ok.stderr).toBe(0);
    const wf = parse(readFileSync(join(out, '.github', 'workflows', 'pipec.yml'), 'utf8')) as Workflow;
    expect(wf.env.PIPEC_SOURCE).toBe(`${GIT.url}#${COMMIT}`);
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toContain(`\`${GIT.url}#${COMMIT}\``);
  });
});
