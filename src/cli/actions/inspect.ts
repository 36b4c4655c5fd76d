/** `pipec inspect`: print the IR of a spec (the fully resolved spec) as JSON or YAML. */
import { stringify } from 'yaml';
import type { Ir } from '../../ir/schema.js';
import { EXIT_FINDINGS, EXIT_OK } from '../exit.js';
import { loadAndCheck } from '../load-spec.js';
import { reportToStderr } from './output.js';

/** Output formats of `pipec inspect`. */
export type InspectFormat = 'json' | 'yaml';

/** Serialise the IR; both forms end with a newline and are byte-stable for the same IR. */
export function renderIr(ir: Ir, format: InspectFormat): string {
  if (format === 'yaml') return stringify(ir, { aliasDuplicateObjects: false, lineWidth: 0 });
  return `${JSON.stringify(ir, null, 2)}\n`;
}

/** Run the verb: diagnostics go to stderr; the IR (only when there are no errors) to stdout. */
export async function runInspect(spec: string, opts: { format: InspectFormat; color?: boolean }): Promise<number> {
  const checked = await loadAndCheck(spec);
  if (checked.diagnostics.length > 0) reportToStderr(checked.diagnostics, checked.sources, opts.color);
  if (!checked.ir) return EXIT_FINDINGS;
  process.stdout.write(renderIr(checked.ir, opts.format));
  return EXIT_OK;
}
