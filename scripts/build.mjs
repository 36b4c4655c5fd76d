// Bundles the CLI with esbuild: one ESM entry plus lazily loaded chunks (heavy verbs, ts-morph).
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  outdir: 'dist',
  entryNames: 'pipec',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  // Keep native/heavy packages external: they are installed dependencies and load on demand.
  external: ['ts-morph', 'esbuild'],
  banner: { js: "import { createRequire as __pipecCreateRequire } from 'node:module'; const require = __pipecCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
