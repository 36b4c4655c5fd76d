// Builds the VS Code extension in editors/vscode: bundles the client (src/extension.ts with
// vscode-languageclient) into one CommonJS file with esbuild, then packages the folder as a .vsix with
// @vscode/vsce's API. Offline: everything comes from node_modules; the .vsix ships no node_modules of
// its own (`dependencies: false`) because the bundle already holds them.
// Usage: node scripts/build-vscode.mjs   → editors/vscode/dist/pipec-pipeline-<version>.vsix (path printed)
import { build } from 'esbuild';
import { createVSIX } from '@vscode/vsce';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ext = join(root, 'editors/vscode');
const { name, version } = JSON.parse(readFileSync(join(ext, 'package.json'), 'utf8'));

await build({
  absWorkingDir: root,
  entryPoints: [join(ext, 'src/extension.ts')],
  outfile: join(ext, 'dist/extension.js'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node18',
  external: ['vscode'],
  minify: true,
  logLevel: 'warning',
});
const vsix = join(ext, 'dist', `${name}-${version}.vsix`);
await createVSIX({ cwd: ext, packagePath: vsix, dependencies: false });
console.log(vsix);
