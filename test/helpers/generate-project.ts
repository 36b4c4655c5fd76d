/**
 * Test helper: generates a project like `pipec compile` does (assets read from disk by the CLI's
 * loader, IR validated by IrSchema, emitProject, files written) into a temp folder, and runs the
 * pinned Python on it. One generated project per test file keeps the CI cost bounded.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAssets } from '../../src/cli/load-assets.js';
import type { EmitAssets } from '../../src/emit/assets.js';
import { emitProject } from '../../src/emit/index.js';
import { PARTS, type Part } from '../../src/emit/parts.js';
import type { OutputFile } from '../../src/emit/types.js';
import { IrSchema, type Ir } from '../../src/ir/schema.js';

/** Repository root (this file is test/helpers/generate-project.ts). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The pinned Python environment (python/requirements.txt), overridable with PIPEC_TEST_PYTHON. */
export const PYTHON = process.env.PIPEC_TEST_PYTHON ?? join(REPO_ROOT, '.venv', 'bin', 'python');

let assetsPromise: Promise<EmitAssets> | undefined;

/** Assets read once per test process, exactly as the CLI reads them. */
export function testAssets(): Promise<EmitAssets> {
  assetsPromise ??= loadAssets(REPO_ROOT);
  return assetsPromise;
}

/** The hand-written credit-risk IR fixture, validated. */
export function fixtureIr(name = 'credit-risk'): Ir {
  return IrSchema.parse(JSON.parse(readFileSync(join(REPO_ROOT, 'test', 'fixtures', `${name}.ir.json`), 'utf8')));
}

/** A deep copy of an IR with `change` applied and re-validated (for adversarial variants). */
export function variantIr(base: Ir, change: (ir: Ir) => void): Ir {
  const copy = structuredClone(base);
  change(copy);
  return IrSchema.parse(copy);
}

/**
 * The IR of a spec through the CLI's read + check path (`checkSource` with the package's stdlib),
 * as `pipec compile` gets it. Throws with the diagnostics when the spec has errors.
 */
export async function compileSpec(path: string, text: string = readFileSync(path, 'utf8')): Promise<Ir> {
  const { checkSource } = await import('../../src/cli/load-spec.js');
  const res = await checkSource({ path, text });
  if (!res.ir) throw new Error(`${path} has errors: ${JSON.stringify(res.diagnostics, null, 1)}`);
  return IrSchema.parse(res.ir);
}

/** The IR of `examples/<example>/project.pipeline`. */
export function compileExample(example: string): Promise<Ir> {
  return compileSpec(join(REPO_ROOT, 'examples', example, 'project.pipeline'));
}

/** A generated project on disk. */
export interface GeneratedProject {
  dir: string;
  files: OutputFile[];
  ir: Ir;
}

/** The registered parts whose name starts with one of `prefixes` (tests of one area). */
export function partsNamed(...prefixes: string[]): Part[] {
  return PARTS.filter((p) => prefixes.some((x) => p.name === x || p.name.startsWith(`${x}.`) || p.name.startsWith(x)));
}

/** Emits `ir` (all parts, or `parts`) and writes the files under a fresh temp folder (or `dir`). */
export async function generateProject(ir: Ir, dir?: string, parts: readonly Part[] = PARTS): Promise<GeneratedProject> {
  const files = emitProject(ir, await testAssets(), parts);
  const out = dir ?? mkdtempSync(join(tmpdir(), `pipec-${ir.project.name}-`));
  for (const f of files) {
    const p = join(out, ...f.path.split('/'));
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, f.contents);
    if (f.executable) chmodSync(p, 0o755);
  }
  return { dir: out, files, ir };
}

/** Result of a Python run, with output kept for assertion messages. */
export interface PyRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Environment of every Python run: project imports, no Domino, headless plots. */
function pythonEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PYTHONPATH: 'src',
    PYTHONHASHSEED: '0',
    MPLBACKEND: 'Agg',
    // Tests never talk to a real Domino: drop anything that would make the runtime think so.
    DOMINO_PROJECT_NAME: '',
    DOMINO_RUN_ID: '',
    ...env,
  };
}

/**
 * Runs the pinned Python in the project (cwd = project root, PYTHONPATH=src), never throwing: tests
 * assert on status and output. Synchronous: keep it for short runs (it blocks the vitest worker).
 */
export function runPython(project: string, args: string[], env: Record<string, string> = {}, timeoutMs = 300_000): PyRun {
  const r = spawnSync(PYTHON, args, { cwd: project, encoding: 'utf8', timeout: timeoutMs, env: pythonEnv(env) });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** `runPython`, asynchronously: use it for long runs so vitest's worker stays responsive. */
export function runPythonAsync(project: string, args: string[], env: Record<string, string> = {}, timeoutMs = 600_000): Promise<PyRun> {
  return new Promise((resolvePromise) => {
    // stdin closed: a generated script must never wait for input when there is no TTY.
    const child = spawn(PYTHON, args, { cwd: project, env: pythonEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolvePromise({ status, stdout, stderr });
    });
  });
}

/** Formats a run's output for an assertion message. */
export function describeRun(r: PyRun): string {
  return `exit ${r.status}\n--- stdout ---\n${r.stdout.slice(-6000)}\n--- stderr ---\n${r.stderr.slice(-6000)}`;
}

/** Whether the pinned Python environment exists (tests that need it are skipped otherwise). */
export function hasPython(): boolean {
  let found = existsSync(PYTHON);
  if (found) {
    try {
      execFileSync(PYTHON, ['-c', 'import pandas, numpy'], { stdio: 'ignore' });
    } catch {
      found = false;
    }
  }
  // Under CI a missing interpreter is a broken install, never a reason to skip: fail the suite here.
  if (!found && process.env.CI === 'true') throw new Error(`CI=true but ${PYTHON} with pandas and numpy is missing: run scripts/setup-python.sh`);
  return found;
}
