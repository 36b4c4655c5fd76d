/**
 * The grammar phase (pure): `parseSpec` turns a `.pipeline` file into the generic syntax tree of
 * syntax.ts plus PC0xxx diagnostics; `formatSpec` prints a file canonically (`pipec fmt`).
 */
export { parseSpec, MAX_SYNTAX_ERRORS } from './parse.js';
export { formatSpec } from './format.js';
export type * from './syntax.js';
