/**
 * PC4470: a local run's LocalCluster (workers × worker_memory, plus the epoch process) must fit under
 * max_memory, which the memory guard counts the whole process tree against. Exact ranges, figures and hints.
 */
import { describe, expect, it } from 'vitest';
import { checkSpec } from '../../src/compiler/index.js';
import { diskLoader } from './helpers/disk-loader.js';
import { tinySpec } from './helpers/tiny-spec.js';
import { viewDiagnostics } from './helpers/diag-view.js';

const loader = diskLoader();
/** [range, message, hint] of every PC4470 for the project-level statements `extra`. */
const pc4470 = (extra: string) =>
  viewDiagnostics(checkSpec({ path: 'p.pipeline', text: tinySpec({ extra }) }, { loadLibrary: loader }).diagnostics)
    .filter((d) => d.code === 'PC4470').map((d) => [d.range, d.message, d.hint]);

describe('PC4470 local cluster over max_memory', () => {
  it('reports on worker_memory with the figures, and what fits', () => {
    expect(pc4470('  compute cluster dask { workers 4 worker_memory 8GB }')).toEqual([[
      '14:50-14:53',
      '4 workers × 8GB = 32GB exceeds max_memory 12GB: a local run\'s memory guard counts the whole cluster',
      // max_memory is already the platform ceiling: raising it is not offered.
      'for local runs use worker_memory 2944MB or workers 1; on Domino each worker has its own machine and this does not apply',
    ]]);
  });

  it('counts the epoch process: 2 × 6GB fits 12GB only without it', () => {
    expect(pc4470('  compute cluster dask { worker_memory 6GB }')[0]?.[1]).toBe(
      '2 workers × 6GB = 12GB plus ≈512MB for the epoch process exceeds max_memory 12GB: a local run\'s memory guard counts the whole cluster');
    expect(pc4470('  compute cluster dask { workers 2 worker_memory 5888MB }')).toEqual([]);
  });

  it('a lower max_memory: the hint offers raising it up to the ceiling', () => {
    expect(pc4470('  compute cluster dask { workers 3 worker_memory 2GB }\n  limits {\n    max_memory 4GB\n  }')).toEqual([[
      '14:50-14:53',
      '3 workers × 2GB = 6GB exceeds max_memory 4GB: a local run\'s memory guard counts the whole cluster',
      'for local runs use worker_memory 1152MB or workers 1, or raise max_memory (up to the platform ceiling of 12GB); on Domino each worker has its own machine and this does not apply',
    ]]);
  });

  it('per epoch statements are checked; `compute local`, epochs without cluster code and default worker_memory are not', () => {
    expect(pc4470('  epoch 005 {\n    compute cluster dask { workers 8 worker_memory 2GB }\n  }').map((d) => d[0])).toEqual(['15:52-15:55']);
    // Epoch 007 has no cluster code (PC7401 says so): its statement never starts a cluster.
    expect(pc4470('  epoch 007 {\n    compute cluster dask { workers 8 worker_memory 2GB }\n  }')).toEqual([]);
    expect(pc4470('  epoch 005 {\n    compute local\n  }')).toEqual([]);
    // Unset, worker_memory is 80% of a worker_tier machine: sized for Domino, not held to max_memory.
    expect(pc4470('  compute cluster dask { workers 8 }')).toEqual([]);
  });

  it('a worker_memory with an error (PC6401) gets no warning on top', () => {
    expect(pc4470('  compute cluster dask { worker_tier small worker_memory 64GB }')).toEqual([]);
  });
});
