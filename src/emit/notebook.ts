/**
 * Jupyter notebooks built as JSON in TS (nbformat 4.5), never by string templating: cell ids derive
 * from the notebook path and cell index, keys are sorted, and the text is `JSON.stringify(nb, null, 1)`,
 * so the same input always gives byte-identical notebooks.
 */
import { createHash } from 'node:crypto';
import { sortKeysDeep } from './view-model.js';

/** One cell before serialisation. */
export interface CellSpec {
  kind: 'markdown' | 'code';
  source: string;
}

/** nbformat wants `source` as a list of lines, each but the last keeping its `\n`. */
function sourceLines(text: string): string[] {
  const trimmed = text.replace(/\s+$/, '');
  if (trimmed === '') return [];
  const lines = trimmed.split('\n');
  return lines.map((l, i) => (i < lines.length - 1 ? `${l}\n` : l));
}

/** Deterministic nbformat 4.5 cell id: the first 12 hex digits of sha256(`path#index`). */
export function cellId(notebookPath: string, index: number): string {
  return createHash('sha256').update(`${notebookPath}#${index}`).digest('hex').slice(0, 12);
}

/** Builds the notebook text for `notebookPath` (used only for ids; never embedded). */
export function buildNotebook(notebookPath: string, cells: readonly CellSpec[]): string {
  const nb = {
    cells: cells.map((c, i) =>
      c.kind === 'code'
        ? { cell_type: 'code', execution_count: null, id: cellId(notebookPath, i), metadata: {}, outputs: [], source: sourceLines(c.source) }
        : { cell_type: 'markdown', id: cellId(notebookPath, i), metadata: {}, source: sourceLines(c.source) },
    ),
    metadata: {
      kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' },
      language_info: { name: 'python' },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return `${JSON.stringify(sortKeysDeep(nb), null, 1)}\n`;
}

/**
 * Splits a rendered "percent format" text into cells: a line `# %% [markdown]` starts a markdown cell
 * (its lines lose one leading `# ` or `#`), a line `# %%` starts a code cell. Text before the first
 * marker is ignored (template preamble). This lets notebook bodies live in Handlebars templates as
 * plain text while the notebook JSON is still built here.
 */
export function cellsFromPercent(text: string): CellSpec[] {
  const cells: CellSpec[] = [];
  let cur: { kind: CellSpec['kind']; lines: string[] } | null = null;
  const flush = () => {
    if (cur) cells.push({ kind: cur.kind, source: cur.lines.join('\n') });
  };
  for (const line of text.split('\n')) {
    const m = /^# %%(?:\s+\[(markdown)\])?\s*$/.exec(line);
    if (m) {
      flush();
      cur = { kind: m[1] ? 'markdown' : 'code', lines: [] };
    } else if (cur) {
      cur.lines.push(cur.kind === 'markdown' ? line.replace(/^# ?/, '') : line);
    }
  }
  flush();
  return cells.filter((c) => c.source.trim() !== '');
}
