/** Epoch 008 (retrospective): estimates vs actuals, gates, reviews, what-if notes, playbook, lessons. */
import { emitEpochPart } from '../epoch-common.js';
import type { OutputFile } from '../types.js';
import type { EmitContext } from '../view-model.js';
import { DEPLOY_EPOCH, MODEL_EPOCH } from './late-epochs.js';

/** Emits epoch 008. */
export function emitEpoch008(ctx: EmitContext): OutputFile[] {
  return emitEpochPart(ctx, '008', {
    templateDir: 'epoch008',
    requirements: ['matplotlib', 'mlflow', 'psutil', 'filelock', 'nbclient', 'ipykernel'],
    notebooks: [{ file: 'retrospective.ipynb', template: 'epoch008/retrospective.ipynb.py.hbs' }],
    extra: { modelEpoch: MODEL_EPOCH, deployEpoch: DEPLOY_EPOCH },
    sources: ['epochs'],
  });
}
