#!/usr/bin/env node
/**
 * Gate-only re-check vs a full epoch 005 rerun (issue 17). Compiles examples/iris-species into a
 * temporary folder, runs all 8 epochs once, then times (median of N runs, whole `pipec` process):
 *   - recheck: a gate-only change to 005 (alternating two passing rules), `pipec run --resume --yes`
 *   - anchor:  `pipec run --only 005 --yes`, i.e. retraining 005, what a gate change cost before
 * Goal: the re-check under 5 s. Usage: node bench/resume.mjs [runs=3] (build first: npm run build).
 * Writes bench/.results/resume.json.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 3);
const cli = join(repo, 'bin', 'pipec.js');
const dir = mkdtempSync(join(tmpdir(), 'pipec-bench-resume-'));
const example = join(repo, 'examples', 'iris-species');
copyFileSync(join(example, 'data.csv'), join(dir, 'data.csv'));
const baseSpec = readFileSync(join(example, 'project.pipeline'), 'utf8').trimEnd().slice(0, -1);
const spec = (rule) => `${baseSpec}  epoch 005 {\n    gate {\n      require ${rule}\n    }\n  }\n}\n`;

function pipec(args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`pipec ${args.join(' ')} exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  return { seconds, stdout: r.stdout };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

writeFileSync(join(dir, 'project.pipeline'), spec('metric.accuracy >= 0.5'));
pipec(['compile', 'project.pipeline', '--out', 'out']);
process.stdout.write('full run of the 8 epochs (once, to have facts to re-check)… ');
process.stdout.write(`${pipec(['run', 'out', '--yes']).seconds.toFixed(1)} s\n`);

const recheck = [];
const anchor = [];
for (let i = 0; i < runs; i++) {
  writeFileSync(join(dir, 'project.pipeline'), spec(i % 2 === 0 ? 'metric.accuracy >= 0.6' : 'metric.accuracy >= 0.5'));
  pipec(['compile', 'project.pipeline', '--out', 'out']);
  const r = pipec(['run', 'out', '--resume', '--yes']);
  if (!r.stdout.includes('1 gate(s) re-checked')) throw new Error(`expected a gate re-check:\n${r.stdout}`);
  recheck.push(r.seconds);
  anchor.push(pipec(['run', 'out', '--only', '005', '--yes']).seconds);
}
const result = { runs, cpus: cpus().length, recheckMedianSeconds: median(recheck), anchorFull005MedianSeconds: median(anchor), goalSeconds: 5, recheck, anchor };
console.log(`gate-only change, run --resume (re-check on recorded facts): median ${result.recheckMedianSeconds.toFixed(2)} s  (goal < 5 s)`);
console.log(`anchor: full epoch 005 rerun (run --only 005):              median ${result.anchorFull005MedianSeconds.toFixed(2)} s`);
console.log(`speed-up ${(result.anchorFull005MedianSeconds / result.recheckMedianSeconds).toFixed(1)}x over ${runs} run(s), ${cpus().length} CPUs`);
mkdirSync(join(repo, 'bench', '.results'), { recursive: true });
writeFileSync(join(repo, 'bench', '.results', 'resume.json'), `${JSON.stringify(result, null, 2)}\n`);
rmSync(dir, { recursive: true, force: true });
