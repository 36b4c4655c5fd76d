// In-process timing of the flows part (issue 11), run by bench/flows-twin.mjs through vite-node: the
// credit-risk example is checked and emitted once, then the flows part alone (cache keys over the rest of
// the project, view model, templates) is rendered RUNS times. Prints one JSON line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAssets } from '../src/cli/load-assets.js';
import { checkSpec } from '../src/compiler/index.js';
import { emitProject } from '../src/emit/index.js';
import { createEmitContext } from '../src/emit/index.js';
import { emitFlows } from '../src/emit/flows/emit-flows.js';
import { PARTS } from '../src/emit/parts.js';
import { diskLoader } from '../test/compiler/helpers/disk-loader.js';

const root = join(import.meta.dirname, '..');
const runs = Number(process.env.RUNS ?? 30);
const spec = join(root, 'examples/credit-risk/project.pipeline');
const { ir } = checkSpec({ path: spec, text: readFileSync(spec, 'utf8') }, { loadLibrary: diskLoader() });
if (!ir) throw new Error('the example does not check');
const assets = await loadAssets(root);
const others = emitProject(ir, assets, PARTS.filter((p) => p.name !== 'flows'));
const ctx = createEmitContext(ir, assets);
const times: number[] = [];
for (let k = 0; k < runs + 3; k++) {
  const t0 = performance.now();
  emitFlows(ctx, others);
  if (k >= 3) times.push(performance.now() - t0); // 3 warm-up renders
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({ runs, medianMs: times[Math.floor(times.length / 2)], minMs: times[0], files: others.length }));
