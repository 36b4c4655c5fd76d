/**
 * Calls `python -m pipec_runtime …` in the project: every state change `pipec run` makes (blocked,
 * failed, reviews) goes through the runtime, so there is one writer implementation and one lock.
 */
import { join } from 'node:path';
import { execa } from 'execa';
import { RunUsageError } from './options.js';
import { installCommand, type PythonChoice } from './python.js';

/** How the runner reaches the project's Python (`via`: the rule of src/runner/python.ts that chose it). */
export interface PythonEnv {
  python: string;
  root: string;
  via?: PythonChoice['via'];
}

/** Result of one runtime CLI call. */
export interface RuntimeResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Environment every Python child gets: the project's `src/` first on PYTHONPATH, the project root. */
export function pythonEnv(root: string, extra: Record<string, string> = {}): Record<string, string> {
  const inherited = process.env.PYTHONPATH;
  return {
    PYTHONPATH: [join(root, 'src'), inherited].filter((p): p is string => Boolean(p)).join(':'),
    PIPEC_PROJECT_ROOT: root,
    PYTHONUNBUFFERED: '1',
    ...extra,
  };
}

/**
 * Run the runtime CLI. `interactive` hands it the terminal (a review prompt); otherwise output is
 * captured and stdin closed, so it can never wait for input.
 */
export async function callRuntime(py: PythonEnv, args: string[], interactive = false): Promise<RuntimeResult> {
  const r = await execa(py.python, ['-m', 'pipec_runtime', '--root', py.root, ...args], {
    cwd: py.root,
    env: pythonEnv(py.root),
    stdin: interactive ? 'inherit' : 'ignore',
    stdout: interactive ? 'inherit' : 'pipe',
    stderr: interactive ? 'inherit' : 'pipe',
    reject: false,
  });
  if (r.failed && r.exitCode === undefined) {
    throw new RunUsageError(`cannot start ${py.python}: ${r.shortMessage}; pass --python or create <project>/.venv`);
  }
  return { code: r.exitCode ?? 2, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
}

/**
 * Check once, before anything runs, that the project's Python can import the runtime and read the
 * project (a missing vendored runtime or a broken interpreter is a usage problem, not an epoch failure).
 */
export async function checkRuntime(py: PythonEnv): Promise<void> {
  const r = await callRuntime(py, ['--json', 'status']);
  let parsed = false;
  try {
    JSON.parse(r.stdout);
    parsed = true;
  } catch {
    // not JSON: the runtime did not even start
  }
  if (!parsed || r.code === 2) {
    const why = r.stderr.trim().split('\n').slice(-1)[0] ?? '';
    const missing = /ModuleNotFoundError: No module named '([^']+)'/.exec(r.stderr);
    if (missing && missing[1] !== 'pipec_runtime') {
      throw new RunUsageError(
        `the Python interpreter ${py.python}${py.via ? ` (${py.via})` : ''} lacks the runtime's packages (no module named '${missing[1]}'); ` +
          `install them with \`${installCommand(py.python, py.root)}\`, or choose another interpreter with --python or PIPEC_PYTHON`,
      );
    }
    throw new RunUsageError(
      `the Python interpreter ${py.python}${py.via ? ` (${py.via})` : ''} cannot run the project's runtime (${why || `exit ${r.code}`}); the project should vendor it as src/pipec_runtime (recompile) or pass --python`,
    );
  }
}

/** Record that an epoch failed (or is blocked) for a reason only the runner saw (memory kill, timeout, crash). */
export async function recordFailure(
  py: PythonEnv,
  epoch: string,
  type: string,
  message: string,
  action: 'fail' | 'block' = 'fail',
): Promise<void> {
  const r = await callRuntime(py, ['state', action, epoch, '--type', type, '--message', message]);
  if (r.code !== 0) throw new Error(`runtime could not record the failure of epoch ${epoch}: ${r.stderr.trim()}`);
}
