/**
 * `DiagnosticCode`: the union of every registered code, derived from the registry tables so the
 * tables stay the one source of truth. A new table (codes-*.ts) must be added here and in codes.ts.
 */
import type { SYNTAX_CODES } from './codes-syntax.js';
import type { SEMANTIC_CODES } from './codes-semantic.js';
import type { DOMINO_CODES } from './codes-domino.js';
import type { WRITER_CODES } from './codes-writer.js';
import type { DATA_CODES } from './codes-data.js';
import type { DEEP_CODES, FEASIBILITY_CODES } from './codes-feasibility.js';
import type { COMPUTE_CODES } from './codes-compute.js';

type CodesOf<T extends readonly { code: string }[]> = T[number]['code'];

/** Every code pipec can emit; `Reporter.report` and `Diagnostic.code` accept nothing else. */
export type DiagnosticCode =
  | CodesOf<typeof SYNTAX_CODES>
  | CodesOf<typeof SEMANTIC_CODES>
  | CodesOf<typeof DOMINO_CODES>
  | CodesOf<typeof WRITER_CODES>
  | CodesOf<typeof DATA_CODES>
  | CodesOf<typeof FEASIBILITY_CODES>
  | CodesOf<typeof DEEP_CODES>
  | CodesOf<typeof COMPUTE_CODES>;
