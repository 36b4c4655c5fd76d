/**
 * Package modules for model testing and monitoring (`monitoring.py`: edge cases, robustness,
 * calibration, segments, drift) and the lifecycle retrospective (`retrospective.py`), with tests.
 */
import type { OutputFile } from '../types.js';
import type { EmitContext } from '../view-model.js';
import { emitPackageFile } from './module.js';

/** Emits the monitoring and retrospective modules of `src/<project>/`. */
export function emitPackageMonitoring(ctx: EmitContext): OutputFile[] {
  return [
    emitPackageFile(ctx, 'monitoring.py', 'package/monitoring.py', []),
    emitPackageFile(ctx, 'retrospective.py', 'package/retrospective.py', ['epochs']),
    emitPackageFile(ctx, 'tests/test_monitoring.py', 'package/tests/test_monitoring.py.hbs', []),
    emitPackageFile(ctx, 'tests/test_retrospective.py', 'package/tests/test_retrospective.py.hbs', ['epochs']),
  ];
}
