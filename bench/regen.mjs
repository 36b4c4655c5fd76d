#!/usr/bin/env node
// Benchmark of regeneration (issue 6): whole-process time of a no-op `pipec compile` of the example
// (goal ≤ 0.3 s median), plus `compile --check` and `plan`, each the median of RUNS runs, using the
// built CLI (run `node scripts/build.mjs` first). Usage: node bench/regen.mjs [runs]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin', 'pipec.js');
const spec = join(root, 'examples', 'credit-risk', 'project.pipeline');
const runs = Math.max(10, Number(process.argv[2] ?? 15));
const out = mkdtempSync(join(tmpdir(), 'pipec-bench-regen-'));

function pipec(args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`pipec ${args.join(' ')} → exit ${r.status}\n${r.stdout}\n${r.stderr}`);
  return ms;
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
function measure(label, args) {
  pipec(args); // warm the page cache
  const times = Array.from({ length: runs }, () => pipec(args));
  console.log(`${label.padEnd(34)} median ${(median(times) / 1000).toFixed(3)} s  min ${(Math.min(...times) / 1000).toFixed(3)} s  (${runs} runs)`);
  return median(times);
}

try {
  const first = pipec(['compile', spec, '--out', out]);
  console.log(`${'first compile (writes everything)'.padEnd(34)} ${(first / 1000).toFixed(3)} s`);
  const noop = measure('no-op recompile (goal ≤ 0.3 s)', ['compile', spec, '--out', out]);
  measure('compile --check (up to date)', ['compile', spec, '--out', out, '--check']);
  measure('plan (up to date)', ['plan', spec, '--out', out]);
  const node = measure('node startup only (reference)', ['--version']);
  console.log(`no-op recompile minus node+CLI startup: ${((noop - node) / 1000).toFixed(3)} s`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
