#!/usr/bin/env node
// Benchmark of the data-aware check and `pipec init --from` (issue 12). Prints:
//   - whole-process median of `pipec check` on a spec whose data file is a ~50 MB CSV (goal <= 0.5 s);
//   - whole-process median of `pipec init --from` that CSV (goal <= 2 s);
//   - the same check with the data file absent (the cost of reading the sample is the difference).
// The CSV (customers with an id, a date and a 2,000-level category, ~1.1M rows) is generated once under
// bench/.results/ (ignored by git). Uses the built CLI (run `npm run build` first, or pass --build).
// Usage: node bench/check-data.mjs [--runs N] [--mb 50] [--build]
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'bench/.results/check-data');
mkdirSync(dir, { recursive: true });
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const RUNS = Math.max(5, Number(arg('--runs', '11')));
const MB = Number(arg('--mb', '50'));
if (process.argv.includes('--build')) spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });

/** A seeded customers CSV of at least `mb` MB (same columns as test/helpers/roles-data.ts). */
async function writeCsv(path, mb) {
  let a = 12;
  const r = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = createWriteStream(path);
  out.write('customer_id,signup,merchant,age,income,plan,churned\n');
  let bytes = 0;
  const start = Date.UTC(2020, 0, 1);
  for (let i = 0; bytes < mb * 1024 * 1024; i++) {
    const line = `C${100000 + i},${new Date(start + Math.floor(r() * 1500) * 86_400_000).toISOString().slice(0, 10)},` +
      `m${String(Math.floor(r() * 2000)).padStart(4, '0')},${18 + Math.floor(r() * 60)},${Math.round(20_000 + r() * 80_000)},` +
      `${['basic', 'plus', 'pro'][Math.floor(r() * 3)]},${r() < 0.3 ? 1 : 0}\n`;
    bytes += line.length;
    if (!out.write(line)) await new Promise((ok) => out.once('drain', ok));
  }
  await new Promise((ok) => out.end(ok));
}

const csv = join(dir, 'customers.csv');
if (!existsSync(csv) || Math.abs(statSync(csv).size - MB * 1024 * 1024) > 1024 * 1024) await writeCsv(csv, MB);
const spec = (file) => `project customers {
  problem classification
  target  churned
  use lifecycle.domino_standard
  limits {
    max_file_size 50MB
  }
  data file "${file}" {
    column customer_id id
    column signup datetime
    column merchant category
    column plan category
    target churned binary
  }
  features {
    encode merchant onehot
    encode plan onehot
  }
}
`;
writeFileSync(join(dir, 'project.pipeline'), spec('customers.csv'));
writeFileSync(join(dir, 'absent.pipeline'), spec('absent.csv'));

const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
// The child's own CPU time (user + system), reported on stderr as it exits: on a shared, loaded machine
// wall time mostly measures the queue for a core, CPU time what the command costs.
const CPU_HOOK = `data:text/javascript,process.on('exit',()=>{const u=process.cpuUsage();process.stderr.write('\\npipec-bench-cpu='+(u.user+u.system)/1000+'\\n')})`;
function time(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', CPU_HOOK, join(root, 'bin/pipec.js'), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const cpu = Number(/pipec-bench-cpu=([\d.]+)/.exec(r.stderr)?.[1] ?? NaN);
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, cpu, code: r.status, out: r.stdout + r.stderr };
}
function bench(label, args, prepare) {
  for (let i = 0; i < 2; i++) { prepare?.(); time(args); } // warm-up (code cache, page cache)
  const runs = [];
  const cpus = [];
  let last;
  for (let i = 0; i < RUNS; i++) {
    prepare?.();
    last = time(args);
    runs.push(last.ms);
    cpus.push(last.cpu);
  }
  return { label, median: median(runs), min: Math.min(...runs), cpu: median(cpus), code: last.code, out: last.out };
}

const size = (statSync(csv).size / 1024 / 1024).toFixed(1);
const results = [
  { ...bench(`pipec check, data file ${size} MB CSV`, ['check', 'project.pipeline']), goal: 500 },
  { ...bench('pipec check, data file absent', ['check', 'absent.pipeline']), goal: null },
  { ...bench(`pipec init --from the ${size} MB CSV`, ['init', '--from', 'customers.csv', '--out', 'init.pipeline', '--force'],
    () => rmSync(join(dir, 'init.pipeline'), { force: true })), goal: 2000 },
];
console.log(`runs per figure: ${RUNS}, whole process (load average ${(await import('node:os')).loadavg()[0].toFixed(1)})`);
for (const r of results) {
  const verdict = r.goal ? (r.median <= r.goal ? `goal <= ${r.goal} ms: met` : `goal <= ${r.goal} ms: MISSED`) : '';
  console.log(`${r.label.padEnd(44)} wall median ${r.median.toFixed(1).padStart(7)} ms  min ${r.min.toFixed(1).padStart(7)} ms  cpu median ${r.cpu.toFixed(1).padStart(7)} ms  exit ${r.code}  ${verdict}`);
}
writeFileSync(join(root, 'bench/.results/check-data.json'), `${JSON.stringify(results.map(({ out, ...r }) => r), null, 1)}\n`);
