/** Epoch 005 (model development): baselines for every listed framework, budgeted tuning, registration. */
import { emitEpochPart } from '../epoch-common.js';
import type { OutputFile } from '../types.js';
import type { EmitContext } from '../view-model.js';
import { FEATURE_EPOCH, MODEL_REQUIREMENTS } from './late-epochs.js';

/** Emits epoch 005. */
export function emitEpoch005(ctx: EmitContext): OutputFile[] {
  return emitEpochPart(ctx, '005', {
    templateDir: 'epoch005',
    requirements: MODEL_REQUIREMENTS,
    notebooks: [{ file: 'model_development.ipynb', template: 'epoch005/model_development.ipynb.py.hbs' }],
    extra: { featureEpoch: FEATURE_EPOCH },
    sources: ['models', 'features'],
  });
}
