/** Helpers of the runner tests: a fresh copy of the fixture project, an output collector, env setup. */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunIo } from '../../src/runner/run.js';
import type { RunOptions } from '../../src/runner/options.js';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(here, '..', '..');
export const FIXTURE = join(here, 'fixture');
export const PYTHON = join(REPO, '.venv', 'bin', 'python');

/** The runtime comes from the repository (a generated project vendors it under src/). */
export function useRepoRuntime(): void {
  process.env.PYTHONPATH = join(REPO, 'runtime', 'python');
  process.env.PIPEC_MLFLOW = '0';
  for (const k of Object.keys(process.env)) if (k.startsWith('FIXTURE_') || k === 'PIPEC_APPROVE') delete process.env[k];
}

/** A fresh copy of the fixture project in a temp folder. */
export function freshProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pipec-run-'));
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

/** Collects what the runner prints. */
export function collector(): RunIo & { lines: string[]; text(): string } {
  const lines: string[] = [];
  return {
    lines,
    interactive: false,
    out: (l) => lines.push(l),
    err: (l) => lines.push(`ERR ${l}`),
    text: () => lines.join('\n'),
  };
}

/** Options with the defaults a plain `pipec run <dir>` has. */
export function runOpts(projectDir: string, extra: Partial<RunOptions> = {}): RunOptions {
  return { projectDir, resume: false, approve: [], yes: false, python: PYTHON, pollMs: 100, ...extra };
}

/** Set FIXTURE_* variables for the fixture's scripts (children inherit process.env). */
export function fixtureEnv(vars: Record<string, string>): void {
  for (const [k, v] of Object.entries(vars)) process.env[k] = v;
}
