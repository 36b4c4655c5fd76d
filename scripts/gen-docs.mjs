#!/usr/bin/env node
// Regenerates the compiler's generated docs from the sources: docs/diagnostics.md (code registry)
// and docs/ir.schema.json (zod IR schema). Same output as `UPDATE_GOLDEN=1 npx vitest run
// test/diagnostics/docs.test.ts test/compiler/ir-schema.test.ts`, which also check they are current.
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = `
import { z } from 'zod';
import { IrSchema } from './src/ir/schema.ts';
import { renderDiagnosticsDoc } from './src/compiler/diagnostics-doc.ts';
export const diagnostics = renderDiagnosticsDoc();
export const irSchema = JSON.stringify(z.toJSONSchema(IrSchema, { target: 'draft-2020-12' }), null, 2) + '\\n';
`;
const out = await build({
  stdin: { contents: entry, resolveDir: root, loader: 'ts' },
  bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'warning',
  // Sources import siblings as `./x.js` (NodeNext style); map them to the .ts files.
  plugins: [{ name: 'ts-ext', setup(b) {
    b.onResolve({ filter: /^\.\.?\/.*\.js$/ }, (a) => (a.resolveDir.includes('node_modules') ? undefined
      : { path: `${a.resolveDir}/${a.path.replace(/\.js$/, '.ts')}` }));
  } }],
});
const mod = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
writeFileSync(`${root}docs/diagnostics.md`, mod.diagnostics);
writeFileSync(`${root}docs/ir.schema.json`, mod.irSchema);
console.log('wrote docs/diagnostics.md and docs/ir.schema.json');
