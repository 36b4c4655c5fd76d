/** Package module `serving.py` (FastAPI service, registry loader, latency self-test) and its tests. */
import type { OutputFile } from '../types.js';
import type { EmitContext } from '../view-model.js';
import { emitPackageFile } from './module.js';

/** Emits `src/<project>/serving.py` and `tests/test_serving.py`. */
export function emitPackageServing(ctx: EmitContext): OutputFile[] {
  return [
    emitPackageFile(ctx, 'serving.py', 'package/serving.py.hbs', ['deploy']),
    emitPackageFile(ctx, 'tests/test_serving.py', 'package/tests/test_serving.py.hbs', ['deploy']),
  ];
}
