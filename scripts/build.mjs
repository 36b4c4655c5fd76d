// Bundles the CLI with esbuild: one small ESM entry plus lazily loaded chunks (each verb's action,
// the compiler, ts-morph stays external and is only loaded by verbs that need it).
//
// Several test files (and engineers) may build at once while others run bin/pipec.js, so outputs are
// written as temp file + rename, chunks before the entry, and only when their content changed: a
// concurrent reader sees the old complete bundle or the new complete one, never half a file.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
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

const result = await build({
  plugins: [missingModules],
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
  // Production switches (src/grammar/build-flags.ts): the grammar's self-validation runs in tests only.
  define: { PIPEC_BUNDLED: 'true' },
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
const outputs = [...result.outputFiles].sort((a, b) => Number(isEntry(a.path)) - Number(isEntry(b.path)));
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
