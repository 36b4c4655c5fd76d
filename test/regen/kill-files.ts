/** A larger synthetic file set (so a compile takes long enough to be killed mid-way), per variant. */
import type { OutputFile } from '../../src/emit/types.js';
import type { Ir } from '../../src/ir/schema.js';
import { synthFiles } from './synthetic.js';

/** Number and size of the padding files. */
export const BULK_FILES = 100;
const LINE = 'x = "padding line that makes each generated file a realistic size"\n';

/** synthFiles plus BULK_FILES modules whose content depends on `variant` (some are dropped in variant b). */
export function bulkFiles(ir: Ir, variant: string): OutputFile[] {
  const files = synthFiles(ir);
  for (let i = 0; i < BULK_FILES; i++) {
    if (variant === 'b' && i % 10 === 0) continue; // deletions are part of the transaction too
    const body = `# module ${i} (${variant})\n${LINE.repeat(120)}`;
    files.push({ path: `src/bulk/m${String(i).padStart(3, '0')}.py`, contents: body, sources: i % 2 ? ['data'] : ['features'] });
  }
  if (variant === 'b') files.push({ path: 'src/bulk/new_in_b.py', contents: 'NEW = True\n', sources: ['data'] });
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}
