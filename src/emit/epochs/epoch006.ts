/** Epoch 006 (model testing): edge cases, robustness, calibration, segments, compliance; alias staging. */
import { emitEpochPart } from '../epoch-common.js';
import type { OutputFile } from '../types.js';
import type { EmitContext } from '../view-model.js';
import { FEATURE_EPOCH, MODEL_EPOCH, MODEL_REQUIREMENTS } from './late-epochs.js';

/** Emits epoch 006. */
export function emitEpoch006(ctx: EmitContext): OutputFile[] {
  return emitEpochPart(ctx, '006', {
    templateDir: 'epoch006',
    requirements: MODEL_REQUIREMENTS,
    notebooks: [{ file: 'model_testing.ipynb', template: 'epoch006/model_testing.ipynb.py.hbs' }],
    extra: { featureEpoch: FEATURE_EPOCH, modelEpoch: MODEL_EPOCH },
    sources: ['models', 'risks'],
  });
}
