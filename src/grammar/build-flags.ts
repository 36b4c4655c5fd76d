/**
 * Build-time switches. scripts/build.mjs (and bench/check.mjs) bundle with esbuild and define
 * `PIPEC_BUNDLED` as `true`; under vitest and tsc the name is undeclared at run time, so the flag is false.
 */
declare const PIPEC_BUNDLED: boolean | undefined;

/**
 * True in the shipped bundle. chevrotain's grammar self-validation (ambiguities, left recursion,
 * token patterns) costs start-up time on every run and can only fail on a grammar change, which the
 * test suite (unbundled, flag false) catches, so the bundle skips it.
 */
export const BUNDLED: boolean = typeof PIPEC_BUNDLED !== 'undefined' && PIPEC_BUNDLED === true;
