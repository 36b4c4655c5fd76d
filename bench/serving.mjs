#!/usr/bin/env node
// Benchmark of model serving (issue 10). Serves ONE registered model (models:/<name>@<alias>) two ways
// at the same time — the generated FastAPI service (`python -m <pkg>.serving`, typed routes, request
// log on) and `mlflow models serve` (same model URI, --env-manager local) — and drives both over
// loopback with the same raw held-out records from a keep-alive Node HTTP client. Prints, side by side:
//   - one record at concurrency 1: p50 and p95 latency;
//   - one record at concurrency 8: requests per second;
//   - a batch of 1,000 records: median and p95 latency.
// Goals (2-core machine): p95 <= 10 ms, >= 300 req/s at concurrency 8, batch of 1,000 <= 50 ms.
// Needs a project whose epochs have run (e.g. after `npm run demo`: out/credit-risk).
// Usage: node bench/serving.mjs [--project out/credit-risk] [--alias production] [--requests 1000]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const project = resolve(arg('--project', join(root, 'out/credit-risk')));
const alias = arg('--alias', 'production');
const REQUESTS = Number(arg('--requests', '1000'));
const PY = process.env.PIPEC_PYTHON ?? join(root, '.venv/bin/python');
const ir = JSON.parse(readFileSync(join(project, '.pipec/ir.json'), 'utf8'));
const pkg = ir.project.name;
const route = ir.deploy?.api?.path ?? '/predict';
const modelUri = `models:/${pkg}_model@${alias}`;
const tmp = mkdtempSync(join(tmpdir(), 'pipec-bench-serving-'));
const env = {
  ...process.env,
  PYTHONPATH: join(project, 'src'),
  MLFLOW_TRACKING_URI: process.env.MLFLOW_TRACKING_URI ?? `sqlite:///${join(project, 'mlruns.db')}`,
  PIPEC_MODEL_ALIAS: alias,
  PIPEC_REQUEST_LOG: join(tmp, 'requests.sqlite'),
  // `mlflow models serve --env-manager local` starts `uvicorn` from PATH: the pinned environment's.
  PATH: `${dirname(PY)}:${process.env.PATH ?? ''}`,
};

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
function post(port, path, body) {
  const data = Buffer.from(JSON.stringify(body));
  return new Promise((ok, fail) => {
    const start = process.hrtime.bigint();
    const req = http.request(
      { host: '127.0.0.1', port, path, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': data.length } },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const ms = Number(process.hrtime.bigint() - start) / 1e6;
          if (res.statusCode !== 200) fail(new Error(`${path}: HTTP ${res.statusCode} ${Buffer.concat(chunks).toString().slice(0, 300)}`));
          else ok(ms);
        });
      },
    );
    req.on('error', fail);
    req.end(data);
  });
}

async function waitUp(port, proc, name) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`${name} exited with ${proc.exitCode}`);
    const up = await new Promise((ok) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/health', agent }, (res) => { res.resume(); ok(res.statusCode === 200); });
      req.on('error', () => ok(false));
    });
    if (up) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} did not start`);
}

const pct = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil((q / 100) * s.length) - 1)];
};

async function measure(name, port, single, batch) {
  const records = RECORDS;
  for (let i = 0; i < 50; i++) await post(port, single.path, single.body(records[i % records.length]));
  const lat = [];
  for (let i = 0; i < REQUESTS; i++) lat.push(await post(port, single.path, single.body(records[i % records.length])));
  let next = 0;
  const total = REQUESTS * 2;
  const t0 = process.hrtime.bigint();
  await Promise.all(Array.from({ length: 8 }, async () => {
    while (next < total) {
      const i = next++;
      await post(port, single.path, single.body(records[i % records.length]));
    }
  }));
  const rps = total / (Number(process.hrtime.bigint() - t0) / 1e9);
  const thousand = Array.from({ length: 1000 }, (_, i) => records[i % records.length]);
  await post(port, batch.path, batch.body(thousand));
  const blat = [];
  for (let i = 0; i < 20; i++) blat.push(await post(port, batch.path, batch.body(thousand)));
  return { name, p50: pct(lat, 50), p95: pct(lat, 95), rps, b50: pct(blat, 50), b95: pct(blat, 95) };
}

const sample = spawnSync(PY, ['-c', [
  'import json, sys, pandas as pd',
  `from ${pkg} import app_utils`,
  'from pathlib import Path',
  'frame = app_utils.load_sample(Path(sys.argv[1]), rows=500)',
  'print(json.dumps([{k: (None if isinstance(v, float) and v != v else v) for k, v in r.items()} for r in frame.to_dict(orient="records")]))',
].join('\n'), project], { env, encoding: 'utf8' });
if (sample.status !== 0) throw new Error(`could not read sample records: ${sample.stderr.slice(-2000)}`);
const RECORDS = JSON.parse(sample.stdout);

const procs = [];
try {
  const [ours, theirs] = [await freePort(), await freePort()];
  const api = spawn(PY, ['-m', `${pkg}.serving`], { cwd: project, env: { ...env, PORT: String(ours) }, stdio: ['ignore', 'inherit', 'inherit'] });
  procs.push(api);
  const mlf = spawn(PY, ['-m', 'mlflow', 'models', 'serve', '-m', modelUri, '--env-manager', 'local', '-h', '127.0.0.1', '-p', String(theirs)],
    { cwd: project, env, stdio: ['ignore', 'ignore', 'inherit'] });
  procs.push(mlf);
  await waitUp(ours, api, 'generated API');
  await waitUp(theirs, mlf, 'mlflow models serve');
  const a = await measure('generated FastAPI', ours,
    { path: route, body: (r) => r }, { path: `${route}/batch`, body: (rs) => ({ records: rs }) });
  const b = await measure('mlflow models serve', theirs,
    { path: '/invocations', body: (r) => ({ dataframe_records: [r] }) }, { path: '/invocations', body: (rs) => ({ dataframe_records: rs }) });
  const f = (v) => v.toFixed(1).padStart(9);
  console.log(`model ${modelUri}  (${REQUESTS} sequential requests, ${REQUESTS * 2} at concurrency 8, 20 batches of 1,000)`);
  console.log(`${'server'.padEnd(22)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'req/s c8'.padStart(10)}${'1k p50'.padStart(9)}${'1k p95'.padStart(9)}`);
  for (const r of [a, b]) console.log(`${r.name.padEnd(22)}${f(r.p50)}${f(r.p95)}${r.rps.toFixed(0).padStart(10)}${f(r.b50)}${f(r.b95)}`);
  console.log(`${'goal'.padEnd(22)}${''.padStart(9)}${'<= 10'.padStart(9)}${'>= 300'.padStart(10)}${''.padStart(9)}${'<= 50'.padStart(9)}`);
} finally {
  for (const p of procs) p.kill('SIGTERM');
  agent.destroy();
  rmSync(tmp, { recursive: true, force: true });
}
