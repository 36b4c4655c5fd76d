/**
 * Running the built CLI from regeneration tests. The build is copied with its stdlib, templates and
 * runtime into a private folder, so templates edited in the working tree while a long test runs
 * (other people work in this tree) cannot change "the same" output half-way through a test.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/generate-project.js';
import { tmpDir } from './helpers.js';

/** The private installation (set by buildCli). */
let installRoot = REPO_ROOT;
/** Path of the CLI launcher to spawn (valid after buildCli). */
export let CLI = join(REPO_ROOT, 'bin', 'pipec.js');
export const EXAMPLE_SPEC = join(REPO_ROOT, 'examples', 'credit-risk', 'project.pipeline');

/** Build dist/ (esbuild, about a second) and snapshot the installation; call in beforeAll. */
export function buildCli(): void {
  execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs')], { cwd: REPO_ROOT, stdio: 'inherit' });
  installRoot = tmpDir('pipec-install-');
  for (const part of ['package.json', 'bin', 'dist', 'stdlib', 'runtime/python/pipec_runtime']) {
    cpSync(join(REPO_ROOT, part), join(installRoot, part), { recursive: true, filter: (src) => !src.includes('__pycache__') });
  }
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(installRoot, 'node_modules'));
  symlinkSync(join(REPO_ROOT, '.venv'), join(installRoot, '.venv'));
  CLI = join(installRoot, 'bin', 'pipec.js');
}

/** Result of one CLI run. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run `pipec …` (NO_COLOR, bounded time). */
export function pipec(args: string[], env: Record<string, string> = {}): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 240_000, env: { ...process.env, NO_COLOR: '1', ...env } });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** Copy the example spec to `dir/project.pipeline`; returns its path. */
export function copyExample(dir: string): string {
  const spec = join(dir, 'project.pipeline');
  copyFileSync(EXAMPLE_SPEC, spec);
  return spec;
}

/** The acceptance spec edit: one more column and a stricter f1 gate. */
export function evolveSpec(spec: string): void {
  let text = readFileSync(spec, 'utf8');
  const anchor = /(\n\s*column credit_score[^\n]*\n)/;
  if (!anchor.test(text) || !text.includes('require metric.f1_score >= 0.70')) throw new Error('example spec changed shape');
  text = text.replace(anchor, '$1    column tenure_months int      uniform(0, 240)\n');
  text = text.replace('require metric.f1_score >= 0.70', 'require metric.f1_score >= 0.72');
  writeFileSync(spec, text);
}

/** Text for an assertion message. */
export const show = (r: CliRun): string => `exit ${r.status}\n--- stdout ---\n${r.stdout.slice(-4000)}\n--- stderr ---\n${r.stderr.slice(-4000)}`;
