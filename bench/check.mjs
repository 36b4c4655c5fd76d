#!/usr/bin/env node
// Benchmark of `pipec check` (issue 2, item 7). Prints:
//   - whole-process median of `node bin/pipec.js check examples/credit-risk/project.pipeline` (>= 15 runs);
//   - in-process check time for generated specs of ~1k, 10k, 100k statements, to show linear growth;
//   - whole-process time of the 10k spec, and peak RSS (whole process and in-process).
// Whole-process runs use the built CLI as shipped, compiler code cache included (scripts/build.mjs): the
// first run after a build writes the cache, the warm-up runs absorb that.
// Goals: <= 0.2 s whole-process median on the example; 10k statements <= 1 s.
// Usage: node bench/check.mjs [--runs N] [--sizes 1000,10000,100000] [--in-process-only] [--no-build]
// (--no-build reuses dist/ and bench/.results/compiler-bench.mjs, e.g. on a machine without node_modules)
// Results are also written to bench/.results/check.json (ignored by git).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, 'bench/.results');
mkdirSync(results, { recursive: true });

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const RUNS = Math.max(15, Number(arg('--runs', '21')));
const SIZES = arg('--sizes', '1000,10000,100000').split(',').map(Number);
const EXAMPLE = 'examples/credit-risk/project.pipeline';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmtMs = (ms) => `${ms.toFixed(1)} ms`;

// Report the child's own peak RSS (KiB) on stderr as it exits.
const RSS_HOOK = `data:text/javascript,process.on('exit',()=>{const c=process.cpuUsage();process.stderr.write('\\npipec-bench-maxrss=' + process.resourceUsage().maxRSS + '\\npipec-bench-cpu=' + ((c.user + c.system) / 1000) + '\\n')})`;

/** Run the built CLI once; returns wall time (ms), exit code and peak RSS (KiB). */
function runCheck(spec, extra = [], extraEnv = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', RSS_HOOK, join(root, 'bin/pipec.js'), 'check', ...extra, spec], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...extraEnv },
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const rss = Number(/pipec-bench-maxrss=(\d+)/.exec(r.stderr)?.[1] ?? NaN);
  const cpu = Number(/pipec-bench-cpu=([\d.]+)/.exec(r.stderr)?.[1] ?? NaN);
  return { ms, cpu, code: r.status, rss, out: r.stdout + r.stderr };
}

/** A spec of about `n` statements: the example plus columns and derives over them. */
function generateSpec(n) {
  const base = readFileSync(join(root, EXAMPLE), 'utf8');
  const baseStatements = base.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#') && l.trim() !== '}').length;
  const extra = Math.max(0, n - baseStatements);
  const cols = Math.ceil(extra / 2);
  const derives = extra - cols;
  const colLines = Array.from({ length: cols }, (_, k) => `    column c${k} float uniform(0, 1)`).join('\n');
  const deriveLines = Array.from({ length: derives }, (_, k) => `    derive d${k} = c${k % cols} * 2 + credit_limit / 1000`).join('\n');
  return base
    .replace('    rows 100_000\n', `    rows 100_000\n${colLines}\n`)
    .replace('  features {\n', `  features {\n${deriveLines}\n`);
}

console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
const BUILD = !process.argv.includes('--no-build');
if (BUILD) spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });

const WHOLE = !process.argv.includes('--in-process-only');

// 1. Whole process on the example.
for (let i = 0; WHOLE && i < 3; i++) runCheck(EXAMPLE); // warm the file cache
const runs = WHOLE ? Array.from({ length: RUNS }, () => runCheck(EXAMPLE)) : [{ ms: NaN, code: 0, rss: NaN }];
const bad = runs.find((r) => r.code !== 0);
if (bad) console.log(`WARNING: check exited ${bad.code} on the example:\n${bad.out.slice(0, 2000)}`);
const wall = runs.map((r) => r.ms);
// Bare node start-up on this machine, so the figure can be read on a loaded box too.
const bare = Array.from({ length: WHOLE ? RUNS : 0 }, () => {
  const t0 = process.hrtime.bigint();
  spawnSync(process.execPath, ['-e', '0']);
  return Number(process.hrtime.bigint() - t0) / 1e6;
});
const whole = { runs: RUNS, medianMs: median(wall), nodeBaselineMedianMs: median(bare), minMs: Math.min(...wall), maxMs: Math.max(...wall), peakRssKiB: Math.max(...runs.map((r) => r.rss)) };
if (WHOLE) console.log(`\nwhole process, pipec check ${EXAMPLE} (${RUNS} runs)`);
if (WHOLE) console.log(`  median ${fmtMs(whole.medianMs)}  min ${fmtMs(whole.minMs)}  max ${fmtMs(whole.maxMs)}  peak RSS ${(whole.peakRssKiB / 1024).toFixed(1)} MiB  goal <= 200 ms: ${whole.medianMs <= 200 ? 'met' : 'MISSED'}`);
if (WHOLE) console.log(`  (bare \`node -e 0\` median on this machine: ${fmtMs(whole.nodeBaselineMedianMs)}; pipec's own share: ${fmtMs(whole.medianMs - whole.nodeBaselineMedianMs)})`);

// 1b. What the feasibility pass (synthetic oracle + estimates, issue 16) adds to the example's check:
// runs alternate without it, with it and an empty oracle cache (the first check of a data block), and
// with it answered from the oracle cache (every later check), so all three see the same machine load.
const oracle = { without: [], cold: [], cached: [] };
const oracleDir = join(results, 'oracle-cache');
for (let i = 0; WHOLE && i < RUNS; i++) {
  oracle.without.push(runCheck(EXAMPLE, ['--no-feasibility']));
  const coldDir = join(results, 'oracle-cold');
  rmSync(coldDir, { recursive: true, force: true });
  oracle.cold.push(runCheck(EXAMPLE, [], { PIPEC_ORACLE_CACHE_DIR: coldDir }));
  oracle.cached.push(runCheck(EXAMPLE, [], { PIPEC_ORACLE_CACHE_DIR: oracleDir }));
}
if (WHOLE) {
  const med = (runs, key) => median(runs.map((r) => r[key]));
  const base = med(oracle.without, 'ms');
  const cold = med(oracle.cold, 'ms') - base;
  const cached = med(oracle.cached, 'ms') - base;
  const cpuBase = med(oracle.without, 'cpu');
  console.log(`\nfeasibility pass on ${EXAMPLE} (${RUNS} alternating runs; median without it ${fmtMs(base)} wall, ${fmtMs(cpuBase)} CPU)`);
  console.log(`  adds ${fmtMs(cold)} wall / ${fmtMs(med(oracle.cold, 'cpu') - cpuBase)} CPU with an empty oracle cache, ` +
    `${fmtMs(cached)} wall / ${fmtMs(med(oracle.cached, 'cpu') - cpuBase)} CPU answered from the cache  goal <= 50 ms: cold ${cold <= 50 ? 'met' : 'MISSED'}, cached ${cached <= 50 ? 'met' : 'MISSED'}`);
}

// 2. In process: bundle the compiler once, then time checkSpec on generated specs.
const bundle = join(results, 'compiler-bench.mjs');
const { build } = BUILD ? await import('esbuild') : { build: async () => {} };
await build({
  absWorkingDir: root,
  // Configured as scripts/build.mjs builds the shipped compiler core: zod without its JIT, grammar
  // self-validation off (src/grammar/build-flags.ts).
  plugins: [
    {
      name: 'zod-jitless',
      setup(b) {
        b.onResolve({ filter: /^pipec:zod-jitless$/ }, () => ({ path: 'zod-jitless', namespace: 'pipec' }));
        b.onLoad({ filter: /.*/, namespace: 'pipec' }, () => ({ resolveDir: root, loader: 'js', contents: "import { config } from 'zod'; config({ jitless: true });" }));
      },
    },
  ],
  stdin: {
    contents: "import 'pipec:zod-jitless'; export { checkSpec } from './src/compiler/index.ts'; export { memoryLoader } from './src/compiler/stdlib-loader.ts'; export { assessFeasibility } from './src/compiler/feasibility/assess.ts';",
    resolveDir: root,
    loader: 'ts',
  },
  outfile: bundle,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  define: { PIPEC_BUNDLED: 'true' },
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
const { checkSpec, memoryLoader, assessFeasibility } = await import(pathToFileURL(bundle).href);
const stdlibRel = 'lifecycle/domino_standard.pipeline';
const loadLibrary = memoryLoader({ [stdlibRel]: readFileSync(join(root, 'stdlib', stdlibRel), 'utf8') });

// The oracle alone, in process: its first (cold, unoptimised) call is what a `pipec check` pays.
{
  const exampleIr = checkSpec({ path: EXAMPLE, text: readFileSync(join(root, EXAMPLE), 'utf8') }, { loadLibrary, feasibility: false }).ir;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  assessFeasibility(exampleIr);
  const cold = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const warm = Array.from({ length: 5 }, () => { const t = performance.now(); assessFeasibility(exampleIr); return performance.now() - t; });
  console.log(`\nin process, the oracle + estimates on the example: first call ${fmtMs(cold)} (CPU ${fmtMs((cpu.user + cpu.system) / 1000)}), warm median ${fmtMs(median(warm))}`);
}

console.log('\nin process, checkSpec on generated specs (median of 3 after 1 warm-up)');
const sizes = [];
for (const n of SIZES) {
  const text = generateSpec(n);
  const statements = text.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#') && l.trim() !== '}').length;
  const file = { path: `gen-${n}.pipeline`, text };
  const first = checkSpec(file, { loadLibrary });
  const errors = first.diagnostics.filter((d) => d.severity === 'error');
  const times = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    checkSpec(file, { loadLibrary });
    times.push(performance.now() - t0);
  }
  const ms = median(times);
  sizes.push({ statements, ms, usPerStatement: (ms * 1000) / statements, errors: errors.length, irBuilt: first.ir !== null });
  console.log(
    `  ${String(statements).padStart(7)} statements  ${fmtMs(ms).padStart(11)}  ${((ms * 1000) / statements).toFixed(1)} us/statement` +
      `  ${errors.length ? `(${errors.length} errors, first: ${errors[0].code} ${errors[0].message})` : 'clean'}`,
  );
}
for (let i = 1; i < sizes.length; i++) {
  const a = sizes[i - 1];
  const b = sizes[i];
  console.log(`  growth ${a.statements} -> ${b.statements}: x${(b.ms / a.ms).toFixed(1)} time for x${(b.statements / a.statements).toFixed(1)} statements`);
}
const inProcessRss = process.resourceUsage().maxRSS;
console.log(`  peak RSS of this process (all sizes): ${(inProcessRss / 1024).toFixed(1)} MiB`);

// 3. Whole process on the ~10k spec (the issue's goal is stated for this size).
const genPath = join(results, 'gen-10000.pipeline');
writeFileSync(genPath, generateSpec(10_000));
if (WHOLE) runCheck(genPath);
const big = Array.from({ length: WHOLE ? 5 : 0 }, () => runCheck(genPath));
const bigMedian = median(big.map((r) => r.ms));
if (WHOLE) console.log(`\nwhole process, pipec check on the ~10k-statement spec (5 runs)`);
if (WHOLE) console.log(`  median ${fmtMs(bigMedian)}  peak RSS ${(Math.max(...big.map((r) => r.rss)) / 1024).toFixed(1)} MiB  goal <= 1000 ms: ${bigMedian <= 1000 ? 'met' : 'MISSED'}`);

writeFileSync(
  join(results, 'check.json'),
  `${JSON.stringify({ node: process.version, whole, sizes, inProcessPeakRssKiB: inProcessRss, whole10k: { medianMs: bigMedian } }, null, 2)}\n`,
);
