/**
 * The one constructor of diagnostics: severity always comes from the registry, so a grammar, compiler
 * or CLI diagnostic cannot disagree with `pipec explain` and docs/diagnostics.md about its severity.
 */
import { registeredCode } from './codes.js';
import type { DiagnosticCode, Diagnostic, Range, RelatedInfo } from './types.js';

/** What a phase knows about a finding; the severity is looked up from `code`. */
export interface DiagnosticInput {
  code: DiagnosticCode;
  file: string;
  message: string;
  range?: Range | undefined;
  hint?: string | undefined;
  related?: readonly RelatedInfo[] | undefined;
}

/** Builds a diagnostic with its registered severity; empty optional parts are left out. */
export function makeDiagnostic(input: DiagnosticInput): Diagnostic {
  const d: Diagnostic = { code: input.code, severity: registeredCode(input.code).severity, message: input.message, file: input.file };
  if (input.range) d.range = input.range;
  if (input.related && input.related.length > 0) d.related = [...input.related];
  if (input.hint) d.hint = input.hint;
  return d;
}
