/**
 * One plan, two places: `pipec check`'s estimate of epoch 005's final fit on a cluster (PC6403,
 * compiler/feasibility/cluster-fit.ts) and the generated dask_training.plan_fit the run makes with the
 * workers' live memory read the same catalogue facts (CLUSTER_FIT, distributedFitMemory). Given the
 * worker memory the compiler assumes, the generated Python plans the same rows and the same need.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLUSTER_FIT } from '../../src/catalogue/index.js';
import { estimateClusterFit } from '../../src/compiler/feasibility/cluster-fit.js';
import { compileSpec, describeRun, generateProject, hasPython, partsNamed, REPO_ROOT, runPython } from '../helpers/generate-project.js';

const SPEC = join(REPO_ROOT, 'test/diagnostics/cases/PC6403-final-fit-over-worker-memory.pipeline');

describe.runIf(hasPython())('the final fit plan on a cluster (compile-time estimate vs generated code)', () => {
  it('plans the same rows and need in TypeScript and in the generated Python', { timeout: 120_000 }, async () => {
    const ir = await compileSpec(SPEC);
    const est = estimateClusterFit(ir, ir.data.kind === 'synthetic' ? ir.data.rows : null);
    expect(est).not.toBeNull();
    const fit = est!;
    expect(fit.model).toBe('lightgbm'); // the hungrier of the two distributed baselines
    expect(fit.fitRows).toBeLessThan(fit.trainRows);
    const project = await generateProject(ir, undefined, partsNamed('project', 'runtime', 'package'));
    const features = 1 + 0; // the spec's one float column, no derives or encodings
    const rowBytes = features * CLUSTER_FIT.featureBytes + CLUSTER_FIT.targetBytes;
    const code = [
      `from ${ir.project.name} import dask_training as dt`,
      `p = dt.plan_fit(${CLUSTER_FIT.workerBaseBytes}, ${fit.workerMemoryBytes}, ${fit.workers}, "${fit.model}", ${fit.trainRows}, ${rowBytes})`,
      'print(p["fit_rows"], p["need_bytes"], p["every_row_needs_worker_memory_bytes"])',
    ].join('\n');
    const r = runPython(project.dir, ['-c', code], { PYTHONPATH: 'src' });
    expect(r.status, describeRun(r)).toBe(0);
    const [rows, need, every] = r.stdout.trim().split(' ').map(Number);
    expect(Math.abs(rows! - fit.fitRows)).toBeLessThanOrEqual(1);
    expect(Math.abs(need! - fit.needBytes)).toBeLessThanOrEqual(1);
    expect(Math.abs(every! - fit.everyRowNeedsBytes)).toBeLessThanOrEqual(1);
  });
});
