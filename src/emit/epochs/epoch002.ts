/** Epoch 002 (data wrangling): synthetic data from the spec's distributions, or the spec's file loaded in chunks. */
import { emitEpochPart } from '../epoch-common.js';
import type { OutputFile } from '../types.js';
import type { EmitContext } from '../view-model.js';

/** Emits epoch 002. */
export function emitEpoch002(ctx: EmitContext): OutputFile[] {
  return emitEpochPart(ctx, '002', {
    templateDir: 'epoch002',
    requirements: ['numpy', 'pandas', 'pyarrow', 'psutil', 'filelock', 'nbformat'],
    notebooks: [{ file: 'data_wrangling.ipynb', template: 'epoch002/data_wrangling.ipynb.py.hbs' }],
    sources: ['data', 'limits'],
  });
}
