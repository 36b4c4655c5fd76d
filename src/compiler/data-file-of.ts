/**
 * Which data file a parsed spec names, read straight from the syntax tree so the CLI can sample the
 * file before the (pure) checks run: `data file "x.csv" { format parquet }` → `{ path, format }`.
 * Returns null for synthetic data, a malformed statement (shaping reports it) or a path the
 * data-path check rejects (absolute, `\`, `~`): such a path is never opened.
 */
import type { SyntaxFile } from '../grammar/syntax.js';
import { pathProblem } from './checks/check-data-path.js';

/** The data file named by the spec, with its format (from `format` or the extension), or null. */
export function dataFileOf(syntax: SyntaxFile): { path: string; format: 'csv' | 'parquet' } | null {
  const project = syntax.statements.find((s) => s.keyword.name === 'project');
  const data = project?.block?.statements.find((s) => s.keyword.name === 'data');
  const [kind, path] = data?.args ?? [];
  if (!data || kind?.kind !== 'Name' || kind.text !== 'file' || path?.kind !== 'String') return null;
  if (pathProblem(path.value)) return null;
  const fmt = data.block?.statements.find((s) => s.keyword.name === 'format')?.args[0];
  const ext = /\.([A-Za-z0-9]+)$/.exec(path.value)?.[1]?.toLowerCase();
  const format = fmt?.kind === 'Name' && (fmt.text === 'csv' || fmt.text === 'parquet') ? fmt.text
    : ext === 'parquet' || ext === 'pq' ? 'parquet' : ext === 'csv' ? 'csv' : null;
  return format ? { path: path.value, format } : null;
}
