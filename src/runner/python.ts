/**
 * The one interpreter rule of `pipec run` (and of anything else that needs the project's Python):
 *   1. `--python <path>`
 *   2. `PIPEC_PYTHON`
 *   3. the project's `.venv` (the folder resolved to an absolute path with symlinks followed, so a
 *      symlinked `out/.venv` works whatever the working directory; its `bin/python` is kept as is,
 *      because following that link would leave the virtual environment)
 *   4. the pipec repository's `.venv` (a development checkout)
 *   5. `python3` on PATH
 * The result is always an absolute path, and says which rule chose it (error messages name it).
 */
import { accessSync, constants, existsSync, realpathSync } from 'node:fs';
import { delimiter, dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RunUsageError } from './options.js';

/** An interpreter and the rule that chose it. */
export interface PythonChoice {
  python: string;
  via: '--python' | 'PIPEC_PYTHON' | 'project .venv' | 'pipec repository .venv' | 'python3 on PATH';
}

/** The repository's own root (for its .venv and the runtime sources), from this module's location. */
export function repoRoot(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'runtime', 'python', 'pipec_runtime'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A command as an absolute path: a path is resolved against the cwd, a bare name searched on PATH. */
function absoluteCommand(cmd: string): string | null {
  if (cmd.includes('/')) return isAbsolute(cmd) ? cmd : resolve(cmd);
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, cmd);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

/** `<venv>/bin/python` with the venv folder's own symlinks followed, or null without one. */
function venvPython(venv: string): string | null {
  if (!existsSync(venv)) return null;
  const python = join(realpathSync(venv), 'bin', 'python');
  return existsSync(python) ? python : null;
}

/** Apply the rule for the project at `root` (absolute). Usage error when nothing usable is found. */
export function resolvePython(root: string, explicit?: string): PythonChoice {
  const named = (cmd: string, via: PythonChoice['via']): PythonChoice => {
    const python = absoluteCommand(cmd);
    if (!python || !existsSync(python)) throw new RunUsageError(`the Python interpreter ${cmd} (${via}) does not exist`);
    return { python, via };
  };
  if (explicit) return named(explicit, '--python');
  if (process.env.PIPEC_PYTHON) return named(process.env.PIPEC_PYTHON, 'PIPEC_PYTHON');
  const project = venvPython(join(root, '.venv'));
  if (project) return { python: project, via: 'project .venv' };
  const repo = repoRoot();
  const own = repo ? venvPython(join(repo, '.venv')) : null;
  if (own) return { python: own, via: 'pipec repository .venv' };
  const system = absoluteCommand('python3');
  if (system) return { python: system, via: 'python3 on PATH' };
  throw new RunUsageError(
    `no Python interpreter found: create ${join(root, '.venv')} (python3.11 -m venv .venv && .venv/bin/python -m pip install -r requirements.txt), or pass --python / set PIPEC_PYTHON`,
  );
}

/** The command that installs the runtime's packages into `python` for the project at `root`. */
export function installCommand(python: string, root: string): string {
  return `${python} -m pip install -r ${join(root, 'requirements.txt')}`;
}
