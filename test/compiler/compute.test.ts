/**
 * `compute cluster dask { ... }` / `compute local`: project-wide on epochs 002-006, per epoch, opted out,
 * defaults from the catalogue (workers 2, tier small, 80% of the tier's memory), and the formatter keeps it.
 */
import { describe, expect, it } from 'vitest';
import { checkSpec } from '../../src/compiler/index.js';
import { formatSpec } from '../../src/grammar/format.js';
import { diskLoader } from './helpers/disk-loader.js';
import { tinySpec } from './helpers/tiny-spec.js';

const loader = diskLoader();
const spec = (extra: string) => tinySpec({ extra });
const computeOf = (extra: string) => {
  const r = checkSpec({ path: 'p.pipeline', text: spec(extra) }, { loadLibrary: loader });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return Object.fromEntries(r.ir!.epochs.filter((e) => e.compute).map((e) => [e.id, e.compute]));
};

describe('compute', () => {
  it('project-wide: epochs 002-006, with the catalogue defaults', () => {
    const c = computeOf('  compute cluster dask { }');
    expect(Object.keys(c)).toEqual(['002', '003', '004', '005', '006']);
    expect(c['002']).toEqual({ engine: 'dask', workers: 2, workerTier: 'small', workerMemoryBytes: Math.floor(8 * 1024 ** 3 * 0.8) });
  });

  it('per epoch, and `compute local` opts one epoch out of the project cluster', () => {
    // The one-line form (settings on the statement's line) means the same as one setting per line.
    expect(computeOf('  epoch 005 {\n    compute cluster dask { workers 8 worker_tier large worker_memory 16GB }\n  }')).toEqual({
      '005': { engine: 'dask', workers: 8, workerTier: 'large', workerMemoryBytes: 16 * 1024 ** 3 },
    });
    const c = computeOf('  compute cluster dask { workers 3 worker_memory 2GB }\n  epoch 003 {\n    compute local\n  }\n  epoch 005 {\n    compute cluster dask { workers 6 }\n  }');
    expect(Object.keys(c)).toEqual(['002', '004', '005', '006']);
    expect(c['002']).toMatchObject({ workers: 3, workerMemoryBytes: 2 * 1024 ** 3 });
    expect(c['005']).toMatchObject({ workers: 6, workerTier: 'small' });
  });

  it('a single-machine spec has no compute in its IR (the IR it always had)', () => {
    expect(computeOf('')).toEqual({});
  });

  it('bad forms are shape errors with the usage', () => {
    const r = checkSpec({ path: 'p.pipeline', text: spec('  compute cluster spark { }\n  epoch 004 {\n    compute local { workers 2 }\n  }') }, { loadLibrary: loader });
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['PC1008', expect.stringContaining('spark')],
      ['PC1009', '`compute local` does not take a block'],
    ]);
  });

  it('pipec fmt keeps compute statements (idempotent)', () => {
    const text = spec('  compute cluster dask {\n    workers       4\n    worker_tier   large\n    worker_memory 8GB\n  }');
    const once = formatSpec(text).text as string;
    expect(once).toContain('compute cluster dask {');
    expect(once).toContain('worker_memory 8GB');
    expect(formatSpec(once).text).toBe(once);
  });
});
