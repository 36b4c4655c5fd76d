/** Running the built CLI from regeneration tests (build once per test file). */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/generate-project.js';

export const CLI = join(REPO_ROOT, 'bin', 'pipec.js');
export const EXAMPLE_SPEC = join(REPO_ROOT, 'examples', 'credit-risk', 'project.pipeline');

/** Build dist/ (esbuild, about a second). */
export function buildCli(): void {
  execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs')], { cwd: REPO_ROOT, stdio: 'inherit' });
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
