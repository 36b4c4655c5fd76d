/**
 * Epochs the spec defines beyond the standard lifecycle (`custom: true` in the IR): a scaffold script
 * with the runtime boilerplate that fails clearly until the user writes the work, plus README and
 * requirements like every epoch.
 */
import { emitEpochPart } from '../epoch-common.js';
import type { OutputFile } from '../types.js';
import type { EmitContext } from '../view-model.js';

/** Emits one scaffold per custom epoch. */
export function emitCustomEpochs(ctx: EmitContext): OutputFile[] {
  return ctx.ir.epochs
    .filter((e) => e.custom)
    .flatMap((e) =>
      emitEpochPart(ctx, e.id, {
        templateDir: 'epoch-custom',
        custom: true,
        requirements: ['pandas', 'pyarrow', 'psutil', 'filelock'],
        extra: {
          factNames: e.produces.map((f) => f.name),
          inputDirs: e.after.map((id) => ctx.ir.epochs.find((x) => x.id === id)?.dir ?? id),
        },
      }),
    );
}
