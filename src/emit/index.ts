/**
 * `emitProject(ir, assets) → OutputFile[]`: the whole generated project, pure and deterministic
 * (files sorted by path, `\n` endings, final newline). Parts are listed in ./parts.ts.
 */
import { IrSchema, type Ir } from '../ir/schema.js';
import type { EmitAssets } from './assets.js';
import { createTemplateEngine } from './handlebars.js';
import { PARTS, type Part } from './parts.js';
import type { OutputFile } from './types.js';
import { viewProject, type EmitContext } from './view-model.js';

export type { OutputFile } from './types.js';
export type { EmitAssets } from './assets.js';
export type { EmitContext, ProjectView, EpochView } from './view-model.js';

/** Builds the context every part receives; exported for tests of single parts. */
export function createEmitContext(ir: Ir, assets: EmitAssets): EmitContext {
  return { ir, assets, engine: createTemplateEngine(assets.templates), project: viewProject(ir) };
}

/**
 * Runs the given parts (default: all) and returns their files sorted by path. Throws on an internal
 * bug (two parts writing one path, a missing template): user errors were reported before lowering.
 */
export function emitProject(ir: Ir, assets: EmitAssets, parts: readonly Part[] = PARTS): OutputFile[] {
  const valid = IrSchema.parse(ir);
  const ctx = createEmitContext(valid, assets);
  const owner = new Map<string, string>();
  const emitted: OutputFile[] = [];
  for (const part of parts) {
    for (const file of part.emit(ctx, emitted.slice())) {
      const prev = owner.get(file.path);
      if (prev) throw new Error(`emit: ${file.path} is written by both ${prev} and ${part.name}`);
      owner.set(file.path, part.name);
      emitted.push(file);
    }
  }
  return emitted.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
