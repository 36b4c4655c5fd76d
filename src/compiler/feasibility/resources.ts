/**
 * Resource estimates from rows × columns × types: the data file's size (zstd parquet, as epoch 002
 * writes it) and the peak memory of the epochs that hold the data. Per-type byte costs were measured
 * with pyarrow on the credit-risk columns (200k rows): random floats ≈ 8.8 bytes, integers and
 * categories close to their entropy. Estimates, not promises: the message says so.
 */
import type { Column, Data, Ir } from '../../ir/schema.js';

/** bits → bytes of the entropy of a distribution over `shares` (0..1). */
function entropyBytes(shares: readonly number[]): number {
  let h = 0;
  for (const s of shares) if (s > 0) h -= s * Math.log2(s);
  return h / 8;
}

/** Distinct integer values a generator spreads over (its entropy, as a count). */
function intSpread(col: Column): number {
  const d = col.distribution;
  let width = 2 ** 32;
  if (d?.kind === 'uniform') width = d.high - d.low + 1;
  else if (d?.kind === 'normal') width = d.std * Math.sqrt(2 * Math.PI * Math.E);
  else if (d?.kind === 'beta') width = 2;
  else if (d?.kind === 'lognormal') width = Math.exp(d.mean) * d.sigma * Math.sqrt(2 * Math.PI * Math.E);
  if (col.clip) width = Math.min(width, col.clip.high - col.clip.low + 1);
  return Math.max(2, width);
}

const FLOAT_BYTES = 8.8;

/** Estimated parquet bytes of one row of a column. */
function columnFileBytes(col: Column): number {
  const present = 1 - col.missing / 100;
  const mask = col.missing > 0 ? entropyBytes([col.missing / 100, present]) : 0;
  if (col.categories && col.categories.length > 0) return present * entropyBytes(col.categories.map((c) => c.share / 100)) + mask + 0.05;
  if (col.type === 'bool') return present * 0.125 + mask;
  if (col.type === 'int') return present * Math.min(8, Math.log2(intSpread(col)) / 8 + 0.05) + mask;
  return present * FLOAT_BYTES + mask;
}

function targetFileBytes(data: Data): number {
  const gen = data.target.generator;
  if (data.target.kind === 'float') return FLOAT_BYTES;
  if (gen?.kind === 'categories') return entropyBytes(gen.categories.map((c) => c.share / 100)) + 0.05;
  return 0.125;
}

/** In-memory bytes per row in pandas: 8 per number (+1 for nullable ints), ~24 per text value. */
function columnMemoryBytes(col: Column): number {
  if (col.categories && col.categories.length > 0 && col.type !== 'bool') return 24;
  return col.type === 'int' ? 9 : col.type === 'bool' ? 2 : 8;
}

/** Feature-matrix width: numeric columns, one-hot categories, derived columns. */
export function featureWidth(ir: Ir): number {
  const onehot = new Set(ir.features.encodings.filter((e) => e.method === 'onehot').map((e) => e.column));
  let width = ir.features.derives.length;
  for (const col of ir.data.columns) width += onehot.has(col.name) ? (col.categories?.length ?? 1) : 1;
  return Math.max(width, 1);
}

/** Python, pandas, sklearn and the boosters loaded: the floor of every epoch's memory. */
const BASE_PROCESS_BYTES = 400 * 1024 ** 2;
/** Copies of the feature matrix alive while models fit (train/valid folds, the booster's bins, predictions). */
const FIT_COPIES = 4;

/** Size and peak-memory estimates of a lowered spec (`rows` null for file data of unknown length). */
export function estimateResources(ir: Ir): {
  rows: number | null; bytesPerRow: number; fileBytes: number | null; maxFileSizeBytes: number;
  rowsThatFit: number | null; peakMemoryBytes: Record<string, number>; maxMemoryBytes: number;
} {
  const { maxFileSizeBytes, maxMemoryBytes, chunkRows } = ir.limits;
  const bytesPerRow = ir.data.columns.reduce((s, c) => s + columnFileBytes(c), targetFileBytes(ir.data));
  const rows = ir.data.kind === 'synthetic' ? ir.data.rows : null;
  const fileBytes = rows === null ? null : Math.round(rows * bytesPerRow + 4096);
  // The runtime samples the file down to fit (limits.write_parquet_limited, 5% margin per pass), unless
  // epoch 002 runs on a cluster: it writes partitioned parquet, each part under the limit, all rows kept.
  const partitioned = ir.epochs.some((e) => e.id === '002' && e.compute);
  const rowsThatFit = !partitioned && fileBytes !== null && rows !== null && fileBytes > maxFileSizeBytes
    ? Math.floor(((maxFileSizeBytes - 4096) / bytesPerRow) * 0.95) : null;
  const kept = rowsThatFit ?? rows;
  const peakMemoryBytes: Record<string, number> = {};
  if (kept !== null) {
    const rowMem = ir.data.columns.reduce((s, c) => s + columnMemoryBytes(c), 8);
    const frame = kept * rowMem;
    const features = kept * featureWidth(ir) * 8;
    const byEpoch: Record<string, number> = {
      // Chunked generation, then (only when over the size limit) the whole file read back to sample it.
      '002': Math.max(chunkRows * rowMem * 2, rowsThatFit !== null && rows !== null ? rows * rowMem * 2 : 0),
      '003': frame * 2,
      '004': frame + features * 2,
      '005': frame + features * FIT_COPIES,
      '006': frame + features * FIT_COPIES,
    };
    // Epochs on a cluster hold partitions on workers (each under its worker_memory), not the whole frame.
    const ids = new Set(ir.epochs.filter((e) => !e.compute).map((e) => e.id));
    for (const [id, bytes] of Object.entries(byEpoch)) if (ids.has(id)) peakMemoryBytes[id] = Math.round(BASE_PROCESS_BYTES + bytes);
  }
  return { rows, bytesPerRow, fileBytes, maxFileSizeBytes, rowsThatFit, peakMemoryBytes, maxMemoryBytes };
}
