/**
 * The limits in force, where a check needs the same figure lowering writes to the IR: the spec's own
 * `limits`, else the library's, else the platform ceiling.
 */
import { PLATFORM } from '../catalogue/index.js';
import type { Located } from './model.js';
import type { ResolvedSpec } from './resolve-model.js';

/** `max_memory` in bytes, and the statement that set it (null: the platform default). */
export function maxMemoryOf(spec: ResolvedSpec): { bytes: number; at: Located<number> | null } {
  const at = spec.project.limits?.maxMemory ?? spec.library?.limits?.maxMemory ?? null;
  return { bytes: at?.value ?? PLATFORM.maxMemoryBytes, at };
}
