/**
 * Test helper: what a person sees, in a real browser. Starts the generated project's Streamlit app and
 * the MLflow UI on loopback ports, runs test/browser/check_app.py (Selenium driving Debian's Chromium
 * through chromedriver) and returns what it saw. Screenshots land in test-output/screenshots/<name>/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describeRun, PYTHON, REPO_ROOT, runPythonAsync } from './generate-project.js';

/** The distribution's browser and driver (CHROMIUM / CHROMEDRIVER override them). */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const CHROMEDRIVER = process.env.CHROMEDRIVER ?? '/usr/bin/chromedriver';
/** Where the screenshots are kept (gitignored). */
export const SCREENSHOTS = join(REPO_ROOT, 'test-output', 'screenshots');

/** Whether the browser check can run here (under CI=true a missing browser is a failure, not a skip). */
export function hasBrowser(): boolean {
  return existsSync(CHROMIUM) && existsSync(CHROMEDRIVER);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

async function waitForHttp(url: string, child: ChildProcess, log: () => string, timeoutMs = 180_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${url}: server exited with ${child.exitCode}\n${log()}`);
    try {
      const r = await fetch(url);
      if (r.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s\n${log()}`);
}

function start(args: string[], cwd: string, env: Record<string, string>): { child: ChildProcess; log: () => string } {
  const child = spawn(PYTHON, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (out = (out + d).slice(-8000)));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (out = (out + d).slice(-8000)));
  return { child, log: () => out };
}

function stop(child: ChildProcess): void {
  // Each server runs in its own process group (detached): end the group, workers included.
  if (child.pid !== undefined && child.exitCode === null) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

/** What the browser saw (test/browser/check_app.py's JSON). */
export interface BrowserSeen {
  app: {
    first_render_s: number;
    prediction_s: number;
    served: [string, string, string];
    prediction: { label: string; probability: number; threshold: number };
    input_types: [string, string, string | null, string][];
    /** The batch table's header and the cells of its visible rows (unformatted values). */
    batch: { columns: string[]; rows: string[][] };
    /** The line under the batch table's heading: the decision rule. */
    batch_rule: string;
    pages: Record<string, string>;
    broken_images: Record<string, string[]>;
    layout_1280: Layout;
    layout_800: Layout;
  };
  mlflow: { model_page: boolean; version: string; version_page: string };
  eda: { title: string; images: { alt: string; width: number; height: number }[]; headings: string[] };
  screenshots: string[];
}

/** Box of an element and the page's widths, as the browser measured them. */
export interface Layout {
  viewport: number;
  scrollWidth: number;
  sidebar: { left: number; width: number } | null;
  main: { left: number; width: number } | null;
}

/** Options of one browser check of a generated project that has run its epochs. */
export interface BrowserCheck {
  projectDir: string;
  appDir: string;
  model: string;
  edaReport: string;
  name: string;
  inputs?: Record<string, number>;
}

/** Starts the app and the MLflow UI, runs the browser check, stops both; throws with their logs on failure. */
export async function checkInBrowser(opts: BrowserCheck): Promise<BrowserSeen> {
  const out = join(SCREENSHOTS, opts.name);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const [appPort, mlflowPort] = [await freePort(), await freePort()];
  const env = { PYTHONPATH: join(opts.projectDir, 'src'), PIPEC_PROJECT_ROOT: opts.projectDir, DOMINO_PROJECT_NAME: '', DOMINO_RUN_ID: '' };
  const app = start(
    ['-m', 'streamlit', 'run', 'app.py', `--server.port=${appPort}`, '--server.address=127.0.0.1', '--server.headless=true',
      '--browser.gatherUsageStats=false', '--server.fileWatcherType=none'],
    join(opts.projectDir, opts.appDir),
    env,
  );
  const mlflow = start(
    ['-m', 'mlflow', 'ui', '--backend-store-uri', `sqlite:///${join(opts.projectDir, 'mlruns.db')}`, '--host', '127.0.0.1',
      '--port', String(mlflowPort), '--workers', '1'],
    opts.projectDir,
    env,
  );
  try {
    const appUrl = `http://127.0.0.1:${appPort}`;
    const mlflowUrl = `http://127.0.0.1:${mlflowPort}`;
    await Promise.all([waitForHttp(`${appUrl}/_stcore/health`, app.child, app.log), waitForHttp(`${mlflowUrl}/health`, mlflow.child, mlflow.log)]);
    const r = await runPythonAsync(
      opts.projectDir,
      [join(REPO_ROOT, 'test', 'browser', 'check_app.py'), '--app', appUrl, '--mlflow', mlflowUrl, '--model', opts.model,
        '--eda', opts.edaReport, '--out', out, '--inputs', JSON.stringify(opts.inputs ?? {})],
      { CHROMIUM, CHROMEDRIVER },
      600_000,
    );
    if (r.status !== 0) throw new Error(`browser check failed\n${describeRun(r)}\n--- app ---\n${app.log()}\n--- mlflow ---\n${mlflow.log()}`);
    return JSON.parse(r.stdout) as BrowserSeen;
  } finally {
    stop(app.child);
    stop(mlflow.child);
  }
}
