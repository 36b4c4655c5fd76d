/** Epoch 003 (exploratory data analysis): the EDA notebook and the data quality script. */
import { emitEpochPart } from '../epoch-common.js';
import type { OutputFile } from '../types.js';
import type { EmitContext } from '../view-model.js';

/** The epoch whose data EDA reads (the lifecycle's data wrangling epoch). */
export const DATA_EPOCH = '002';

/** Emits epoch 003. */
export function emitEpoch003(ctx: EmitContext): OutputFile[] {
  return emitEpochPart(ctx, '003', {
    templateDir: 'epoch003',
    requirements: ['numpy', 'pandas', 'pyarrow', 'matplotlib', 'scipy', 'mlflow', 'psutil', 'filelock', 'nbclient', 'ipykernel'],
    notebooks: [{ file: 'eda.ipynb', template: 'epoch003/eda.ipynb.py.hbs' }],
    extra: { dataEpoch: DATA_EPOCH },
    sources: ['data'],
  });
}
