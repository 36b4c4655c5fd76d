/** Epoch 001 (research, analysis, planning): planning documents from the spec, validated by its script. */
import { emitEpochPart } from '../epoch-common.js';
import type { OutputFile } from '../types.js';
import type { EmitContext } from '../view-model.js';
import { PLANNING_DOCUMENTS, planningDocuments } from './planning-documents.js';

/** Emits epoch 001: run_epoch.py, README, requirements and the planning documents. */
export function emitEpoch001(ctx: EmitContext): OutputFile[] {
  const files = emitEpochPart(ctx, '001', {
    templateDir: 'epoch001',
    requirements: ['filelock', 'psutil', 'mlflow', 'pandas'],
    extra: { documents: [...PLANNING_DOCUMENTS] },
    notebooks: [{ file: 'planning.ipynb', template: 'epoch001/planning.ipynb.py.hbs' }],
    sources: ['risks', 'deploy', 'models', 'data', 'domino'],
  });
  return files.length === 0 ? files : [...files, ...planningDocuments(ctx)];
}
