/** Epoch 004 (feature engineering): derive, encode, scale, split with provenance and importance. */
import { emitEpochPart } from '../epoch-common.js';
import type { OutputFile } from '../types.js';
import type { EmitContext } from '../view-model.js';
import { renderFormula } from '../view-model.js';
import { DATA_EPOCH } from './epoch003.js';

/** Emits epoch 004. */
export function emitEpoch004(ctx: EmitContext): OutputFile[] {
  const derives = ctx.ir.features.derives.map((d) => ({ name: d.name, text: renderFormula(d.formula) }));
  return emitEpochPart(ctx, '004', {
    templateDir: 'epoch004',
    requirements: ['numpy', 'pandas', 'pyarrow', 'scikit-learn', 'mlflow', 'psutil', 'filelock'],
    notebooks: [{ file: 'feature_engineering.ipynb', template: 'epoch004/feature_engineering.ipynb.py.hbs' }],
    extra: { derives, deriveNames: derives.length > 0 ? derives.map((d) => d.name).join(', ') : 'nothing', dataEpoch: DATA_EPOCH, scale: ctx.ir.features.scale },
    sources: ['features', 'data'],
  });
}
