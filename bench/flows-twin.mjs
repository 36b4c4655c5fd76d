#!/usr/bin/env node
// Benchmark of the Domino Flows target (issue 11). Prints:
//  1. flow compile time: the flows part alone, in process (median of RUNS renders, bench/flows-render.ts),
//     and a whole `pipec compile` of the credit-risk example (median of 5);
//  2. the local twin of the credit-risk example end to end under real flytekit at --rows ROWS, once with
//     every node in its own fresh working copy (the default: as Domino jobs run) and once with every node
//     in the shared checkout (PIPEC_TWIN_SHARED=1, the previous twin), each from a fresh compile.
// Usage: node bench/flows-twin.mjs [--rows 2000] [--no-twin]   (run `npm run build` first)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const rows = args.includes('--rows') ? Number(args[args.indexOf('--rows') + 1]) : 2000;
const cli = join(root, 'bin', 'pipec.js');
const spec = join(root, 'examples', 'credit-risk', 'project.pipeline');
const pyflyte = join(root, '.venv', 'bin', 'pyflyte');
const results = { rows };

function run(cmd, argv, opts = {}, mayFail = false) {
  const t0 = performance.now();
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 28, ...opts });
  const s = (performance.now() - t0) / 1000;
  if (r.status !== 0 && !mayFail) throw new Error(`${cmd} ${argv.join(' ')} → exit ${r.status}\n${(r.stdout ?? '').slice(-3000)}\n${(r.stderr ?? '').slice(-3000)}`);
  return { s, status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const render = JSON.parse(run(join(root, 'node_modules', '.bin', 'vite-node'), [join(root, 'bench', 'flows-render.ts')], { cwd: root }).stdout.trim().split('\n').at(-1));
results.flowsPartMedianMs = render.medianMs;
console.log(`flows part, in process (${render.runs} renders)     median ${render.medianMs.toFixed(1)} ms  min ${render.minMs.toFixed(1)} ms`);
const compiles = Array.from({ length: 5 }, () => {
  const out = mkdtempSync(join(tmpdir(), 'pipec-bench-flows-'));
  try { return run(process.execPath, [cli, 'compile', spec, '--out', join(out, 'p')]).s; } finally { rmSync(out, { recursive: true, force: true }); }
});
results.compileMedianS = median(compiles);
console.log(`pipec compile of the example (5 runs)          median ${results.compileMedianS.toFixed(3)} s`);

if (!args.includes('--no-twin')) {
  for (const [label, shared] of [['isolated (fresh working copy per node)', false], ['shared checkout (previous twin)', true]]) {
    const base = mkdtempSync(join(tmpdir(), 'pipec-bench-twin-'));
    try {
      const project = join(base, 'credit_risk');
      run(process.execPath, [cli, 'compile', spec, '--out', project]);
      const env = { ...process.env, FLYTE_SDK_LOGGING_LEVEL: '40', PIPEC_API_REQUESTS: '30', PIPEC_TWIN_RUN_DIR: join(base, 'run'),
        ...(shared ? { PIPEC_TWIN_SHARED: '1' } : {}) };
      // A loaded machine can fail epoch 007's API latency gate (p95 < 100 ms); such a run is retried once.
      let r;
      for (let attempt = 1; attempt <= 2; attempt++) {
        rmSync(join(base, 'run'), { recursive: true, force: true });
        r = run(pyflyte, ['run', 'flows/credit_risk_flow_local.py', 'credit_risk_flow', '--rows', String(rows), '--approve', 'all'], { cwd: project, env }, true);
        if (r.status === 0) break;
        const why = /error\[\w+\]: [^\n]+/.exec(r.stdout + r.stderr)?.[0] ?? `exit ${r.status}`;
        console.log(`twin, ${label}: attempt ${attempt} failed after ${r.s.toFixed(1)} s: ${why}`);
      }
      const done = [...r.stdout.matchAll(/epoch (\d{3}) completed: gate passed/g)].length;
      results[shared ? 'twinSharedS' : 'twinIsolatedS'] = r.status === 0 ? r.s : null;
      console.log(`twin, ${label.padEnd(40)} ${r.s.toFixed(1)} s  (${done}/8 epochs with gates passed, ${rows} rows${r.status === 0 ? '' : ', FAILED'})`);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  }
  if (results.twinIsolatedS && results.twinSharedS) {
    console.log(`isolation overhead: ${((results.twinIsolatedS / results.twinSharedS - 1) * 100).toFixed(0)} %`);
  }
}
mkdirSync(join(root, 'bench', '.results'), { recursive: true });
writeFileSync(join(root, 'bench', '.results', 'flows-twin.json'), `${JSON.stringify(results, null, 2)}\n`);
