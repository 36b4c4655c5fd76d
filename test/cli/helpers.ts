/**
 * Shared test helpers for the CLI suite: golden files (one switch: UPDATE_GOLDEN=1), ranges computed
 * from source text (so hand-made diagnostics point at real characters), and running the built CLI.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectGolden as expectGoldenFile } from '../helpers/golden.js';
import type { Range } from '../../src/diagnostics/types.js';

/** Repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const GOLDEN_DIR = join(ROOT, 'test/cli/golden');

/** Compare `actual` with test/cli/golden/<name> (UPDATE_GOLDEN=1 rewrites it). */
export function expectGolden(name: string, actual: string): void {
  expectGoldenFile(join(GOLDEN_DIR, name), actual);
}

/** The position of UTF-16 offset `offset` in `text` (1-based line/column). */
export function positionAt(text: string, offset: number): Range['start'] {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return { offset, line, column };
}

/** The range of the `nth` (0-based) occurrence of `needle` in `text`. */
export function rangeOf(text: string, needle: string, nth = 0): Range {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" #${nth} not in text`);
  }
  return { start: positionAt(text, at), end: positionAt(text, at + needle.length) };
}

let built = false;

/** Build dist/ once per test process (the build script is safe to run concurrently). */
export function ensureBuilt(): void {
  if (built) return;
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  built = true;
}

/** Result of one CLI run. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run `node bin/pipec.js ...args` with colour off unless `env` says otherwise. */
export function runCli(args: readonly string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): CliResult {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, PIPEC_DEBUG: undefined, ...opts.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/pipec.js'), ...args], {
    cwd: opts.cwd ?? ROOT,
    env,
    input: opts.input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** True when text looks like a JavaScript stack trace (what users must never see). */
export function hasStackTrace(text: string): boolean {
  return /\n\s+at .+\(.*:\d+:\d+\)/.test(text) || /\n\s+at .+:\d+:\d+/.test(text);
}
