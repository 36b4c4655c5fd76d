#!/usr/bin/env node
/**
 * What a person waits for in the generated app, measured in Chromium (issue 15): time from opening the
 * page to the first complete render (form and served model shown) and the round-trip of one prediction
 * (click "Predict" → label, probability and threshold on screen). Also the console of the run that made
 * the project: lines printed vs the library lines kept in .context/logs (what the console showed before
 * they were logged instead).
 *
 *   node bench/app-browser.mjs [project-dir] [--runs N]     (default out/credit-risk, after `npm run demo`)
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
const project = resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs') ?? 'out/credit-risk');
const REPO = resolve(import.meta.dirname, '..');
const PYTHON = join(REPO, '.venv', 'bin', 'python');
if (!existsSync(join(project, 'mlruns.db'))) {
  console.error(`${project} has not run its epochs: run \`npm run demo\` first (or pass a project folder)`);
  process.exit(2);
}
const ir = JSON.parse(readFileSync(join(project, '.pipec', 'ir.json'), 'utf8'));
const appDir = join(project, ir.epochs.find((e) => e.id === '007').dir, 'app');

const port = await new Promise((res) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const p = s.address().port;
    s.close(() => res(p));
  });
});
const app = spawn(PYTHON, ['-m', 'streamlit', 'run', 'app.py', `--server.port=${port}`, '--server.address=127.0.0.1',
  '--server.headless=true', '--browser.gatherUsageStats=false', '--server.fileWatcherType=none'], {
  cwd: appDir, env: { ...process.env, PYTHONPATH: join(project, 'src'), PIPEC_PROJECT_ROOT: project }, stdio: 'ignore', detached: true,
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/_stcore/health`)).ok) break;
    } catch { /* starting */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  const first = [];
  const predict = [];
  const out = join(REPO, 'test-output', 'screenshots', 'bench');
  mkdirSync(out, { recursive: true });
  for (let i = 0; i < RUNS; i++) {
    const r = spawnSync(PYTHON, [join(REPO, 'test', 'browser', 'check_app.py'), '--only-app', '--app', `http://127.0.0.1:${port}`,
      '--out', out, '--pages', 'Model performance'], { encoding: 'utf8', timeout: 300_000 });
    if (r.status !== 0) throw new Error(r.stderr || r.stdout);
    const seen = JSON.parse(r.stdout).app;
    first.push(seen.first_render_s);
    predict.push(seen.prediction_s);
  }
  const logs = join(project, '.context', 'logs');
  const logged = existsSync(logs)
    ? readdirSync(logs).reduce((n, f) => n + readFileSync(join(logs, f), 'utf8').split('\n').filter((l) => l && !l.startsWith('--- epoch')).length, 0)
    : 0;
  const result = {
    runs: RUNS,
    first_render_s: { median: median(first), all: first },
    prediction_round_trip_s: { median: median(predict), all: predict },
    run_log_library_lines_moved_off_console: logged,
  };
  console.log(`app time-to-first-render (Chromium, ${RUNS} loads, first includes model load): median ${result.first_render_s.median}s  [${first.join(', ')}]`);
  console.log(`prediction round-trip (click → label/probability/threshold shown): median ${result.prediction_round_trip_s.median}s  [${predict.join(', ')}]`);
  console.log(`run log: ${logged} library lines kept in .context/logs instead of the console (console before = after + ${logged})`);
  mkdirSync(join(REPO, 'bench', '.results'), { recursive: true });
  writeFileSync(join(REPO, 'bench', '.results', 'app-browser.json'), JSON.stringify(result, null, 2) + '\n');
} finally {
  try { process.kill(-app.pid, 'SIGTERM'); } catch { /* gone */ }
}
