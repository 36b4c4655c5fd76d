/** Exit codes and the one place internal errors are reported (never a bare stack trace for users). */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** Report a bug in pipec itself: say it is internal, show the stack only with PIPEC_DEBUG=1. */
export function reportInternalError(err: unknown): void {
  const msg = err instanceof Error ? err.message : String(err);
  process.stderr.write(`internal error: ${msg}\n`);
  if (process.env.PIPEC_DEBUG && process.env.PIPEC_DEBUG !== '0' && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  else process.stderr.write('This is a bug in pipec. Re-run with PIPEC_DEBUG=1 for details.\n');
  process.exitCode = EXIT_USAGE;
}

/** Raised for a usage problem found after option parsing (missing file, bad flag value). */
export class UsageError extends Error {}
