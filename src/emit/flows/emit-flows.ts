/**
 * The Domino Flows part registered (last) in src/emit/parts.ts. Its cache versions hash the rest of the
 * generated project (src/ir/cache-keys.ts), which emitProject hands it as `earlier`; flows/ itself never
 * feeds the keys. The flow files are rendered by src/emit/flows/render-flows.ts.
 */
import type { OutputFile } from '../types.js';
import type { EmitContext } from '../view-model.js';
import { renderFlowFiles } from './render-flows.js';

/** The part emitter: every flows/ file of the project, from the files of the parts before it. */
export function emitFlows(ctx: EmitContext, earlier: readonly OutputFile[]): OutputFile[] {
  return renderFlowFiles(ctx.ir, ctx.engine, earlier);
}
