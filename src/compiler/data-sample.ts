/**
 * What the checker knows about a spec's data file: its header and a bounded sample of rows, read by
 * the CLI (src/cli/read-data-sample.ts; the compiler never touches the disk) and profiled here into
 * per-column facts (inferred type, distinct and missing shares) that the data checks and
 * `pipec init` read. Pure and deterministic: the same sample gives the same profile.
 */

/** The header and first rows of a data file, or why there are none. */
export interface DataSample {
  /** The path as written in the spec (relative to the spec's folder). */
  specPath: string;
  /** The path as resolved from the spec's folder, for messages. */
  resolvedPath: string;
  status: 'ok' | 'missing' | 'unreadable';
  /** Why the file could not be read (status `unreadable`). */
  error?: string;
  format: 'csv' | 'parquet';
  sizeBytes: number;
  /** Header names, in file order. */
  columns: string[];
  /** Sampled rows: one cell per column, as text; null for an empty cell. */
  rows: (string | null)[][];
  /** Every row of the file is in `rows` (a small file). */
  complete: boolean;
  /** Declared column types of a Parquet schema (`int`, `float`, `bool`, `category`, `datetime`), else empty. */
  schemaTypes: Record<string, string>;
}

/** Type a column's sampled values fit, most specific first. */
export type InferredType = 'bool' | 'int' | 'float' | 'datetime' | 'category' | 'empty';

/** What the sample says about one column. */
export interface ColumnProfile {
  name: string;
  type: InferredType;
  /** Non-empty cells in the sample. */
  present: number;
  /** Share (0..1) of sampled cells that are empty. */
  missingShare: number;
  /** Distinct non-empty values in the sample. */
  distinct: number;
  /** Up to 12 distinct values, most frequent first (ties alphabetical). */
  topValues: string[];
  /** Mean number of characters of the present values. */
  meanLength: number;
  /**
   * Mean number of whitespace-separated words of the present values: counted only for text columns of
   * TEXT_MIN_LENGTH+ characters on average (the only ones that can be free text), else 0.
   */
  meanWords: number;
}

/** One-hot encoding above this many levels is replaced by a bounded encoding (PC3109, the runtime). */
export const CARDINALITY_LIMIT = 50;
/** A text column whose sampled values are distinct in at least this share of rows is an identifier. */
export const IDENTIFIER_SHARE = 0.95;
/** Fewer present values than this say too little to call a column an identifier. */
const MIN_ROWS_FOR_ROLES = 20;
const ID_NAME = /(^|_)(id|uuid|guid|key)$|^id_/i;
/** Free text: values of at least this many words and characters on average (reviews, notes, tickets). */
export const TEXT_MIN_WORDS = 3;
export const TEXT_MIN_LENGTH = 20;

const MISSING = new Set(['', 'na', 'n/a', 'nan', 'null', 'none']);
// Only what pandas reads as booleans: `yes`/`no` stay text (a category).
const BOOL = new Set(['true', 'false']);
const INT = /^[+-]?\d+$/;
const FLOAT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$|^[+-]?(inf|infinity)$/i;
// ISO dates and date-times (2024-01-31, 2024-01-31T10:00:00Z, 2024/01/31 10:00) and US-style 01/31/2024.
const DATE = /^(\d{4}[-/]\d{1,2}[-/]\d{1,2}([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?|\d{1,2}\/\d{1,2}\/\d{4})$/;

/** Whether a cell counts as missing (pandas reads these as NaN by default). */
export function isMissing(cell: string | null): boolean {
  return cell === null || MISSING.has(cell.trim().toLowerCase());
}

/** The most specific type every value fits. */
export function inferType(values: readonly string[]): InferredType {
  if (values.length === 0) return 'empty';
  const all = (re: RegExp) => values.every((v) => re.test(v.trim()));
  if (values.every((v) => BOOL.has(v.trim().toLowerCase())) || (all(/^[01]$/) && new Set(values).size === 2)) return 'bool';
  if (all(INT)) return 'int';
  if (all(FLOAT)) return 'float';
  if (all(DATE)) return 'datetime';
  return 'category';
}

// Several checks read the same profile; a sample is never changed after it is read.
const profiles = new WeakMap<DataSample, ColumnProfile[]>();

/** Profile every column of a sample (computed once per sample). */
export function profileSample(sample: DataSample): ColumnProfile[] {
  let found = profiles.get(sample);
  if (!found) {
    found = computeProfiles(sample);
    profiles.set(sample, found);
  }
  return found;
}

function computeProfiles(sample: DataSample): ColumnProfile[] {
  return sample.columns.map((name, i) => {
    const values: string[] = [];
    for (const row of sample.rows) {
      const cell = row[i] ?? null;
      if (!isMissing(cell)) values.push((cell as string).trim());
    }
    const counts = new Map<string, number>();
    let length = 0;
    for (const v of values) {
      counts.set(v, (counts.get(v) ?? 0) + 1);
      length += v.length;
    }
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const declared = sample.schemaTypes[name];
    // A Parquet schema types columns even when no row could be sampled (e.g. an unsupported codec).
    const inferred = inferType(values);
    // A Parquet int column holding only 0/1 is a bool column as far as the spec is concerned.
    const type = declared === 'int' && inferred === 'bool' ? 'bool' : ((declared as InferredType | undefined) ?? inferred);
    return {
      name,
      type,
      present: values.length,
      missingShare: sample.rows.length ? 1 - values.length / sample.rows.length : 0,
      distinct: counts.size,
      topValues: top.slice(0, 12).map(([v]) => v),
      meanLength: values.length ? length / values.length : 0,
      meanWords: type === 'category' && length >= TEXT_MIN_LENGTH * values.length ? meanWordCount(values) : 0,
    };
  });
}

/**
 * Free text (reviews, support tickets, notes): long multi-word values, most of them different. One-hot
 * encoding such a column keeps a few repeated sentences; a word vectoriser reads what they say.
 */
export function looksLikeText(p: ColumnProfile): boolean {
  if (p.present < MIN_ROWS_FOR_ROLES || p.type !== 'category') return false;
  if (p.meanWords < TEXT_MIN_WORDS || p.meanLength < TEXT_MIN_LENGTH) return false;
  return p.distinct > Math.min(CARDINALITY_LIMIT, p.present / 2);
}

/** Mean number of words (runs of non-space characters) per value; no arrays allocated (`pipec check` speed). */
function meanWordCount(values: readonly string[]): number {
  let words = 0;
  for (const v of values) {
    let inWord = false;
    for (let i = 0; i < v.length; i++) {
      const space = v.charCodeAt(i) <= 32;
      if (!space && !inWord) words++;
      inWord = !space;
    }
  }
  return words / values.length;
}

/** A text column with a distinct value in (nearly) every sampled row: an identifier (free text excepted). */
export function looksLikeIdentifier(p: ColumnProfile): boolean {
  if (p.present < MIN_ROWS_FOR_ROLES || looksLikeText(p)) return false;
  // Whole numbers are unique per row for many measurements (incomes, prices): only a name says id.
  if (p.type !== 'category' && !(p.type === 'int' && ID_NAME.test(p.name))) return false;
  return p.distinct / p.present >= IDENTIFIER_SHARE;
}

/** A text column with more levels than one-hot encoding should expand (not an identifier, not free text). */
export function isHighCardinality(p: ColumnProfile): boolean {
  return p.type === 'category' && p.distinct > CARDINALITY_LIMIT && !looksLikeIdentifier(p) && !looksLikeText(p);
}
