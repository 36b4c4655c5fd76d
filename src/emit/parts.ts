/**
 * The registry of part emitters, declared as data (Peggy-style pass list). Each part is a pure
 * function of the EmitContext returning files; parts never write the same path (emitProject checks).
 * To add a part: create its file under src/emit/ and add ONE line here.
 */
import type { OutputFile } from './types.js';
import type { EmitContext } from './view-model.js';
import { emitProjectFiles } from './project-files.js';
import { emitRuntimeVendor } from './runtime-vendor.js';
import { emitPackageCore } from './package/core.js';
import { emitEpoch001 } from './epochs/epoch001.js';
import { emitEpoch002 } from './epochs/epoch002.js';
import { emitEpoch003 } from './epochs/epoch003.js';
import { emitEpoch004 } from './epochs/epoch004.js';
import { emitCustomEpochs } from './epochs/custom.js';
import { emitEpoch005 } from './epochs/epoch005.js';
import { emitEpoch006 } from './epochs/epoch006.js';
import { emitEpoch007 } from './epochs/epoch007.js';
import { emitEpoch008 } from './epochs/epoch008.js';
import { emitPackageModelUtils } from './package/model-utils.js';
import { emitPackageServing } from './package/serving.js';
import { emitPackageMonitoring } from './package/monitoring.js';
import { emitPackageAppUtils } from './package/app-utils.js';
import { emitPackageDask } from './package/dask.js';
import { emitFlows } from './flows/emit-flows.js';
import { emitCi } from './ci/workflow.js';

/** One named part of the generated project. */
export interface Part {
  /** Stable name, used in errors and tests (`epoch002`, `package.core`). */
  name: string;
  /**
   * `earlier`: the files of the parts listed before this one. Only a derived part reads it (flows hashes
   * the rest of the project into its cache versions), so such a part is listed after those it derives from.
   */
  emit: (ctx: EmitContext, earlier: readonly OutputFile[]) => OutputFile[];
}

/** All parts, in a fixed order (output is sorted by path afterwards, so order only affects errors). */
export const PARTS: readonly Part[] = [
  { name: 'project', emit: emitProjectFiles },
  { name: 'runtime', emit: emitRuntimeVendor },
  { name: 'package.core', emit: emitPackageCore },
  { name: 'epoch001', emit: emitEpoch001 },
  { name: 'epoch002', emit: emitEpoch002 },
  { name: 'epoch003', emit: emitEpoch003 },
  { name: 'epoch004', emit: emitEpoch004 },
  { name: 'epochs.custom', emit: emitCustomEpochs },
  { name: 'epoch005', emit: emitEpoch005 },
  { name: 'epoch006', emit: emitEpoch006 },
  { name: 'epoch007', emit: emitEpoch007 },
  { name: 'epoch008', emit: emitEpoch008 },
  { name: 'package.model_utils', emit: emitPackageModelUtils },
  { name: 'package.serving', emit: emitPackageServing },
  { name: 'package.monitoring', emit: emitPackageMonitoring },
  { name: 'package.app_utils', emit: emitPackageAppUtils },
  { name: 'package.dask', emit: emitPackageDask },
  { name: 'ci', emit: emitCi },
  // Last: its cache versions hash every file above.
  { name: 'flows', emit: emitFlows },
];
