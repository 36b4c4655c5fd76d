/** Package modules `serving.py` (typed FastAPI service, loader by alias, latency self-test) and `request_log.py`, with tests. */
import type { OutputFile } from '../types.js';
import type { EmitContext } from '../view-model.js';
import { emitPackageFile } from './module.js';

/** Emits `src/<project>/serving.py`, `request_log.py` and `tests/test_serving.py`. */
export function emitPackageServing(ctx: EmitContext): OutputFile[] {
  return [
    emitPackageFile(ctx, 'serving.py', 'package/serving.py.hbs', ['deploy']),
    emitPackageFile(ctx, 'request_log.py', 'package/request_log.py', ['deploy']),
    emitPackageFile(ctx, 'tests/test_serving.py', 'package/tests/test_serving.py.hbs', ['deploy']),
  ];
}
