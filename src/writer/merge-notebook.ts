/**
 * Merging Jupyter notebooks. A notebook is JSON, so a naive line merge of two differently indented
 * files is meaningless. We bring all three versions to one canonical serialisation — the one Jupyter
 * itself saves (nbformat: sorted keys, indent 1, `source` as a list of lines, non-ASCII kept) — so
 * each cell field sits on its own line, merge those lines, and accept the result only if it is still
 * valid JSON. Anything else is a conflict: the user resolves it like any other file.
 */
import { MARKER_BASE, MARKER_GENERATED, MARKER_SPLIT, MARKER_YOURS, mergeText, type MergeOutcome } from './merge-text.js';

/** True for paths merged as notebooks. */
export const isNotebookPath = (path: string): boolean => path.endsWith('.ipynb');

/** Jupyter's own on-disk form of a notebook object (json.dumps(sort_keys=True, indent=1)). */
export function canonicalNotebook(nb: unknown): string {
  return `${JSON.stringify(normalise(nb, ''), null, 1)}\n`;
}

function normalise(value: unknown, key: string): unknown {
  // `source` (and stream `text`) may be one string or a list of lines; lines merge far better.
  if ((key === 'source' || key === 'text') && typeof value === 'string') return toLines(value);
  if (Array.isArray(value)) return value.map((v) => normalise(v, ''));
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(obj)
        .sort()
        .map((k) => [k, normalise(obj[k], k)]),
    );
  }
  return value;
}

function toLines(text: string): string[] {
  const parts = text.split('\n').map((l) => `${l}\n`);
  parts[parts.length - 1] = parts[parts.length - 1]!.slice(0, -1);
  return parts.filter((p) => p !== '');
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * 3-way merge of notebook texts. Falls back to a plain text merge when one side is not valid JSON
 * (the user broke it; their text is still theirs to fix).
 */
export function mergeNotebook(yours: string, base: string, generated: string): MergeOutcome {
  const [y, b, g] = [tryParse(yours), tryParse(base), tryParse(generated)];
  if (y === undefined || b === undefined || g === undefined) return mergeText(yours, base, generated);
  const [cy, cb, cg] = [canonicalNotebook(y), canonicalNotebook(b), canonicalNotebook(g)];
  const merged = mergeText(cy, cb, cg);
  if (merged.conflicts > 0) return merged;
  const parsed = tryParse(merged.text);
  if (parsed !== undefined) return { text: canonicalNotebook(parsed), conflicts: 0 };
  // Clean line merge but broken JSON (two edits meeting at a comma): make it one explicit conflict.
  return { text: `${MARKER_YOURS}\n${cy}${MARKER_BASE}\n${cb}${MARKER_SPLIT}\n${cg}${MARKER_GENERATED}\n`, conflicts: 1 };
}
