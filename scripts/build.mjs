// Bundles the CLI with esbuild: one small ESM entry plus lazily loaded chunks (each verb's action,
// the compiler, ts-morph stays external and is only loaded by verbs that need it).
// The compiler is built once more as a single CommonJS file that load-spec.ts's lazy import loads
// through a V8 code cache (scripts/code-cache-loader.mjs): Node 20 has no compile cache of its own,
// and compiling ~1 MB of compiler, chevrotain and zod was a large share of `pipec check`'s start-up.
//
// Several test files (and engineers) may build at once while others run bin/pipec.js, so outputs are
// written as temp file + rename, chunks before the entry, and only when their content changed: a
// concurrent reader sees the old complete bundle or the new complete one, never half a file.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist');

// While phases land in parallel, a lazily imported module may not exist yet. Rather than failing the
// whole build (and every other verb with it), such an import becomes a module that reports an
// internal error when used; the build warns about it, and `tsc --noEmit` still flags it.
const missingModules = {
  name: 'missing-modules',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const ts = resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
      if (existsSync(ts) || existsSync(resolve(args.resolveDir, args.path))) return undefined;
      return { path: relative(root, ts), namespace: 'missing', warnings: [{ text: `${relative(root, ts)} does not exist yet` }] };
    });
    b.onLoad({ filter: /.*/, namespace: 'missing' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`${args.path} is not part of this build yet`)});`,
      loader: 'js',
    }));
  },
};

// The compiler (what `pipec check` runs) is also built as one CommonJS file, loaded through a V8 code
// cache (scripts/code-cache-loader.mjs); its content hash names the file and keys the cache.
const DEFINE = { PIPEC_BUNDLED: 'true' }; // production switches, see src/grammar/build-flags.ts
// The core has its own copy of zod, used for one IR validation per spec. zod's JIT generates code per
// object schema (`new Function`: compiled on every run, never in the code cache), which costs more
// than it saves here: measured ~20 ms less for `check` on the example and ~100 ms less on a
// 10k-statement spec without it. Results are the same either way. The switch must run before
// src/ir/schema.ts builds its schemas, hence a module of its own, imported first.
const zodJitless = {
  name: 'zod-jitless',
  setup(b) {
    b.onResolve({ filter: /^pipec:zod-jitless$/ }, () => ({ path: 'zod-jitless', namespace: 'pipec' }));
    b.onLoad({ filter: /.*/, namespace: 'pipec' }, () => ({
      resolveDir: root,
      loader: 'js',
      contents: "import { config } from 'zod'; config({ jitless: true });",
    }));
  },
};
const core = await build({
  absWorkingDir: root,
  plugins: [zodJitless],
  stdin: {
    contents: "import 'pipec:zod-jitless'; export * from './src/compiler/index.ts';",
    resolveDir: root,
    sourcefile: 'compiler-core-entry.js',
    loader: 'js',
  },
  outfile: join(outdir, 'chunks', 'compiler-core.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minifyWhitespace: true,
  minifySyntax: true,
  define: DEFINE,
  write: false,
  logLevel: 'warning',
});
const coreText = core.outputFiles[0].text;
const coreHash = createHash('sha256').update(coreText).digest('hex').slice(0, 16);
const coreName = `compiler-core-${coreHash}.cjs`;

// load-spec.ts's lazy `import('../compiler/index.js')` becomes a small module that loads that file.
const compilerViaCodeCache = {
  name: 'compiler-via-code-cache',
  setup(b) {
    b.onResolve({ filter: /\/compiler\/index\.js$/ }, (args) =>
      args.kind === 'dynamic-import' && args.importer.endsWith(join('src', 'cli', 'load-spec.ts'))
        ? { path: 'compiler', namespace: 'code-cache' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'code-cache' }, () => ({
      resolveDir: join(root, 'scripts'),
      loader: 'js',
      contents: [
        "import { fileURLToPath } from 'node:url';",
        "import { loadWithCodeCache } from './code-cache-loader.mjs';",
        // This module is a chunk of its own (it is only imported dynamically), so it sits next to the file.
        `const loaded = loadWithCodeCache(fileURLToPath(new URL(${JSON.stringify(`./${coreName}`)}, import.meta.url)), ${JSON.stringify(coreHash)});`,
        'const core = loaded.exports;',
        '/** checkSpec, storing the code cache after the first call (its lazily compiled functions included). */',
        'export function checkSpec(source, opts) { try { return core.checkSpec(source, opts); } finally { loaded.afterFirstUse(); } }',
        'export function checkSyntax(syntax, opts, prior) { try { return core.checkSyntax(syntax, opts, prior); } finally { loaded.afterFirstUse(); } }',
        // What the CLI reads before the checks run (issue 12: the data file is sampled between parse and check).
        'export const parseSpec = core.parseSpec;',
        'export const dataFileOf = core.dataFileOf;',
        'export const profileSample = core.profileSample;',
        'export const initSpec = core.initSpec;',
        'export const memoryLoader = core.memoryLoader;',
        'export const libraryPath = core.libraryPath;',
      ].join('\n'),
    }));
  },
};

const result = await build({
  plugins: [missingModules, compilerViaCodeCache],
  absWorkingDir: root,
  entryPoints: ['src/cli/main.ts'],
  outdir,
  entryNames: 'pipec',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  minifyWhitespace: true,
  minifySyntax: true,
  write: false,
  metafile: true,
  // Keep native/heavy packages external: they are installed dependencies and load on demand.
  external: ['ts-morph', 'esbuild'],
  define: DEFINE,
  banner: { js: "import { createRequire as __pipecCreateRequire } from 'node:module'; const require = __pipecCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});

/** Write `contents` to `path` atomically, skipping identical files (keeps mtimes and readers undisturbed). */
function writeIfChanged(path, contents) {
  try {
    if (Buffer.compare(readFileSync(path), Buffer.from(contents)) === 0) return false;
  } catch {
    // Missing: write it.
  }
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, path);
  return true;
}

const isEntry = (p) => relative(outdir, p).startsWith('pipec.');
const coreFile = { path: join(outdir, 'chunks', coreName), contents: core.outputFiles[0].contents };
const outputs = [coreFile, ...result.outputFiles].sort((a, b) => Number(isEntry(a.path)) - Number(isEntry(b.path)));
let written = 0;
for (const file of outputs) if (writeIfChanged(file.path, file.contents)) written++;

// Chunks no longer referenced pile up across rebuilds; drop the ones old enough that no process
// started from a previous build can still be loading them.
const current = new Set(outputs.map((f) => f.path));
const chunkDir = join(outdir, 'chunks');
const STALE_MS = 10 * 60 * 1000;
for (const name of existsSync(chunkDir) ? readdirSync(chunkDir) : []) {
  const p = join(chunkDir, name);
  try {
    if (!current.has(p) && Date.now() - statSync(p).mtimeMs > STALE_MS) unlinkSync(p);
  } catch {
    // Removed by a concurrent build.
  }
}

if (process.env.PIPEC_BUILD_VERBOSE) {
  console.log(`pipec build: ${outputs.length} outputs, ${written} written`);
  console.log(Object.keys(result.metafile.inputs).filter((p) => p.includes('node_modules')).map((p) => p.split('node_modules/')[1]?.split('/')[0]).filter((v, i, a) => a.indexOf(v) === i).join(' '));
}
