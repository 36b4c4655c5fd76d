/** Placeholder until the formatter lands. */
import type { Diagnostic } from '../diagnostics/types.js';
export function formatSpec(_text: string, _path = '<input>'): { text: string | null; diagnostics: Diagnostic[] } {
  return { text: null, diagnostics: [] };
}
