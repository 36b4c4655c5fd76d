/**
 * Reading a data file's header and a bounded sample for the checker and `pipec init` (issue 12).
 * Never loads a whole file: CSV is streamed through csv-parse and the stream is closed after
 * `maxRows` records or `maxBytes` bytes; Parquet is read through hyparquet, whose footer gives the
 * schema and which then decodes the first rows only. A file that cannot be read is a sample with a
 * status and a reason, never an exception: the compiler turns it into a diagnostic.
 */
import { createReadStream, statSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { parse } from 'csv-parse';
import type { DataSample } from '../compiler/data-sample.js';

/** How much of a file the checker reads. */
export interface SampleLimits {
  maxRows: number;
  maxBytes: number;
}

/** Enough rows for types, roles and target classes; small enough that 50 MB files check in well under 0.5 s. */
export const CHECK_SAMPLE: SampleLimits = { maxRows: 5_000, maxBytes: 2 << 20 };

/** The path of a spec's data file as messages show it: the spec's folder joined with the written path. */
export function resolveDataPath(specPath: string, written: string): string {
  return posix.normalize(join(dirname(specPath), written).split('\\').join('/'));
}

/** Read the header and first rows of `file` (already resolved). */
export async function readDataSample(
  file: string, specPath: string, format: 'csv' | 'parquet', limits: SampleLimits = CHECK_SAMPLE,
): Promise<DataSample> {
  const base: DataSample = {
    specPath, resolvedPath: file, status: 'ok', format, sizeBytes: 0, columns: [], rows: [], complete: false, schemaTypes: {},
  };
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) return { ...base, status: 'unreadable', error: 'it is not a file' };
    size = st.size;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ...base, status: 'missing' };
    return { ...base, status: 'unreadable', error: (err as Error).message };
  }
  try {
    const read = format === 'csv' ? await sampleCsv(file, limits) : await sampleParquet(file, size, limits);
    return { ...base, sizeBytes: size, ...read };
  } catch (err) {
    return { ...base, sizeBytes: size, status: 'unreadable', error: oneLine((err as Error).message) };
  }
}

const oneLine = (s: string) => s.split('\n')[0]?.slice(0, 200) ?? '';

type Read = Pick<DataSample, 'columns' | 'rows' | 'complete' | 'schemaTypes'>;

async function sampleCsv(file: string, limits: SampleLimits): Promise<Read> {
  const stream = createReadStream(file, { highWaterMark: 64 << 10 });
  let bytes = 0;
  let cut = false;
  stream.on('data', (chunk) => {
    bytes += chunk.length;
    // Close at the byte bound: the parser keeps what it got, the sample ends at the last whole record.
    if (bytes >= limits.maxBytes) {
      cut = true;
      stream.destroy();
    }
  });
  const parser = stream.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, to: limits.maxRows + 2 }));
  const records: string[][] = [];
  try {
    for await (const rec of parser as AsyncIterable<string[]>) records.push(rec);
  } catch (err) {
    // A record cut in the middle by the byte bound (an open quote) is not an error of the file.
    if (!cut) throw err;
  } finally {
    stream.destroy();
  }
  const [header, ...rows] = records;
  if (!header || header.length === 0) throw new Error('the file has no header row');
  const width = header.length;
  const cells = rows.slice(0, limits.maxRows).map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null));
  return { columns: header.map((h) => h.trim()), rows: cells, complete: !cut && rows.length <= limits.maxRows, schemaTypes: {} };
}

async function sampleParquet(file: string, size: number, limits: SampleLimits): Promise<Read> {
  const { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } = await import('hyparquet');
  const buffer = await asyncBufferFromFile(file);
  const metadata = await parquetMetadataAsync(buffer);
  const leaves = metadata.schema.slice(1).filter((e) => !e.num_children);
  const columns = leaves.map((e) => e.name);
  const schemaTypes: Record<string, string> = {};
  for (const e of leaves) schemaTypes[e.name] = parquetType(e);
  const total = Number(metadata.num_rows);
  let rows: (string | null)[][] = [];
  try {
    const objects = await parquetReadObjects({ file: buffer, metadata, rowStart: 0, rowEnd: Math.min(total, limits.maxRows) });
    rows = objects.map((o) => columns.map((c) => cellText(o[c])));
  } catch {
    // A codec hyparquet does not decode (zstd without its plug-in): the footer's schema still checks names and types.
  }
  void size;
  return { columns, rows, complete: rows.length === total, schemaTypes };
}

/** The pipec column type a Parquet leaf stores. */
function parquetType(e: { type?: string; converted_type?: string; logical_type?: { type: string } }): string {
  const logical = e.logical_type?.type ?? e.converted_type ?? '';
  if (/TIMESTAMP|DATE/.test(logical) || e.type === 'INT96') return 'datetime';
  if (e.type === 'BOOLEAN') return 'bool';
  if (e.type === 'INT32' || e.type === 'INT64') return 'int';
  if (e.type === 'FLOAT' || e.type === 'DOUBLE') return 'float';
  return 'category';
}

function cellText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'number' && Number.isNaN(v)) return null;
  return String(v);
}
