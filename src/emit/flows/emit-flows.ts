/**
 * The Domino Flows part registered in src/emit/parts.ts. The cache versions hash the rest of the
 * generated project, so this part emits the other parts first (they are pure; flows/ itself never
 * feeds the keys, see src/ir/cache-keys.ts) and renders the flow files with src/emit/flows/render-flows.ts.
 */
import type { OutputFile } from '../types.js';
import type { EmitContext } from '../view-model.js';
import { PARTS } from '../parts.js';
import { renderFlowFiles } from './render-flows.js';

/** Name of this part in src/emit/parts.ts (excluded when emitting the files the keys hash). */
export const FLOWS_PART = 'flows';

/** The part emitter: every flows/ file of the project. */
export function emitFlows(ctx: EmitContext): OutputFile[] {
  // Parts are pure, so emitting the others again here is safe; it keeps the part contract (ctx → files).
  const others = PARTS.filter((p) => p.name !== FLOWS_PART).flatMap((p) => p.emit(ctx));
  return renderFlowFiles(ctx.ir, ctx.engine, others);
}
