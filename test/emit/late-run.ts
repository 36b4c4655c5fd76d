/**
 * Async Python runner for the long late-epoch suites: `runPython` from the shared helper blocks the
 * worker's event loop (spawnSync), which starves vitest's RPC heartbeat during multi-minute epochs.
 * Same environment contract: cwd = project root, PYTHONPATH=src, no Domino variables.
 */
import { spawn } from 'node:child_process';
import { PYTHON, type PyRun } from '../helpers/generate-project.js';

/** Runs the pinned Python in `project` without blocking the event loop; never rejects. */
export function runPythonAsync(project: string, args: string[], env: Record<string, string> = {}, timeoutMs = 300_000): Promise<PyRun> {
  return new Promise((resolve) => {
    const child = spawn(PYTHON, args, {
      cwd: project,
      env: {
        ...process.env,
        PYTHONPATH: 'src',
        PYTHONHASHSEED: '0',
        MPLBACKEND: 'Agg',
        DOMINO_PROJECT_NAME: '',
        DOMINO_RUN_ID: '',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}
