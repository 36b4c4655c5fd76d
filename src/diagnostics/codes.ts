/**
 * The diagnostic code registry: every code pipec can emit, with what `pipec explain` and
 * docs/diagnostics.md show. Codes are stable forever; retire, never reuse.
 *
 * Ranges: PC0xxx syntax · PC1xxx statement shape · PC2xxx names/references · PC3xxx data/features ·
 * PC4xxx models/metrics · PC5xxx gates/facts · PC6xxx limits/platform · PC7xxx epochs/DAG/reviews ·
 * PC8xxx Domino Flows · PC9xxx files/CLI.
 * Each phase keeps its table in its own file (codes-*.ts); this module merges them and
 * refuses duplicates at load time, so there is still one registry. The code type is derived from
 * the tables (code-names.ts), so using an unregistered code is a type error.
 */
import type { CodeInfo } from './code-info.js';
import type { DiagnosticCode } from './code-names.js';
import { SYNTAX_CODES } from './codes-syntax.js';
import { SEMANTIC_CODES } from './codes-semantic.js';
import { DOMINO_CODES } from './codes-domino.js';
import { WRITER_CODES } from './codes-writer.js';
import { DATA_CODES } from './codes-data.js';
import { DEEP_CODES, FEASIBILITY_CODES } from './codes-feasibility.js';
import { COMPUTE_CODES } from './codes-compute.js';

export type { CodeInfo } from './code-info.js';
export type { DiagnosticCode } from './code-names.js';

function mergeTables(...tables: readonly (readonly CodeInfo[])[]): ReadonlyMap<string, CodeInfo> {
  const map = new Map<string, CodeInfo>();
  for (const info of tables.flat()) {
    if (map.has(info.code)) throw new Error(`diagnostic code ${info.code} registered twice`);
    map.set(info.code, info);
  }
  return new Map([...map.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

export const CODES: ReadonlyMap<string, CodeInfo> = mergeTables(SYNTAX_CODES, SEMANTIC_CODES, DOMINO_CODES, WRITER_CODES, DATA_CODES, FEASIBILITY_CODES, DEEP_CODES, COMPUTE_CODES);

/** The entry of a code given as text (CLI input, SARIF lookups); undefined when not registered. */
export function codeInfo(code: string): CodeInfo | undefined {
  return CODES.get(code);
}

/** The entry of a registered code: total, because the type admits registered codes only. */
export function registeredCode(code: DiagnosticCode): CodeInfo {
  const info = CODES.get(code);
  // Unreachable unless a table is missing from mergeTables while present in code-names.ts.
  if (!info) throw new Error(`internal: diagnostic code ${code} is not registered`);
  return info;
}
