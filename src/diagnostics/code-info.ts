/**
 * The shape of one registry entry. A leaf module (no imports), so the registry tables, the
 * Diagnostic type and the renderers can all depend on it without an import cycle.
 */

export type Severity = 'error' | 'warning' | 'info';

/**
 * One registered diagnostic code. `C` is the code's literal type: the tables keep it, so the union
 * of every registered code (`DiagnosticCode` in code-names.ts) is known to the type checker and an
 * unregistered or misspelt code fails `tsc`, not a test run.
 */
export interface CodeInfo<C extends string = string> {
  code: C;
  /** Default severity. */
  severity: Severity;
  /** Short title: `duplicate column`. */
  title: string;
  /** A paragraph for `pipec explain`: what is wrong and why it matters. */
  explanation: string;
  /** A small spec fragment that triggers it (shown by `pipec explain`, used by docs). */
  example: string;
  /** How to fix it, in general terms. */
  fix: string;
}

/**
 * Declares one entry, so each code reads as one record in its table, and keeps its code's literal type
 * (an object literal alone would widen it). Every `codes-*.ts` table is built with it.
 */
export const c = <C extends string>(code: C, severity: Severity, title: string, explanation: string, example: string, fix: string): CodeInfo<C> =>
  ({ code, severity, title, explanation, example, fix });
