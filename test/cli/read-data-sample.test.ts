/**
 * The data file reader behind the data-aware checks (issue 12): header, bounded sample and Parquet
 * footer schema, never the whole file; unreadable and missing files are statuses, not exceptions.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataSample, resolveDataPath } from '../../src/cli/read-data-sample.js';
import { isHighCardinality, looksLikeIdentifier, looksLikeText, profileSample } from '../../src/compiler/data-sample.js';
import { ROOT } from './helpers.js';

const DATA = join(ROOT, 'test/diagnostics/cases/data');

describe('readDataSample', () => {
  it('reads a CSV header and profiles its columns', async () => {
    const s = await readDataSample(join(DATA, 'customers.csv'), 'customers.csv', 'csv');
    expect(s.status).toBe('ok');
    expect(s.columns).toEqual(['customer_id', 'signup', 'merchant', 'age', 'income', 'plan', 'churned']);
    expect(s.rows).toHaveLength(300);
    expect(s.complete).toBe(true);
    const types = Object.fromEntries(profileSample(s).map((p) => [p.name, p.type]));
    expect(types).toEqual({ customer_id: 'category', signup: 'datetime', merchant: 'category', age: 'int', income: 'int', plan: 'category', churned: 'bool' });
  });

  it('stops at the row and byte bounds, at a whole record even inside quotes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pipec-sample-'));
    const lines = ['id,note'];
    for (let i = 0; i < 5000; i++) lines.push(`${i},"a note, with a comma\nand a line break ${i}"`);
    writeFileSync(join(dir, 'notes.csv'), `${lines.join('\n')}\n`);
    const byRows = await readDataSample(join(dir, 'notes.csv'), 'notes.csv', 'csv', { maxRows: 100, maxBytes: 1 << 20 });
    expect(byRows.rows).toHaveLength(100);
    expect(byRows.complete).toBe(false);
    const byBytes = await readDataSample(join(dir, 'notes.csv'), 'notes.csv', 'csv', { maxRows: 100_000, maxBytes: 4096 });
    expect(byBytes.status).toBe('ok');
    expect(byBytes.complete).toBe(false);
    expect(byBytes.rows.length).toBeGreaterThan(10);
    expect(byBytes.rows.every((r) => r.length === 2 && /^a note, with a comma\nand a line break \d+$/.test(r[1] as string))).toBe(true);
  });

  it('reads a Parquet footer schema and first rows (snappy), and the schema alone when rows cannot be decoded', async () => {
    const s = await readDataSample(join(DATA, 'customers.parquet'), 'customers.parquet', 'parquet');
    expect(s.status).toBe('ok');
    expect(s.columns).toEqual(['customer_id', 'signup', 'merchant', 'age', 'income', 'plan', 'churned']);
    expect(s.schemaTypes).toMatchObject({ customer_id: 'category', signup: 'datetime', age: 'int', churned: 'int' });
    expect(s.rows).toHaveLength(60);
    expect(s.complete).toBe(true);
    // 0/1 integers are a bool column to the spec.
    expect(profileSample(s).find((p) => p.name === 'churned')?.type).toBe('bool');
    // zstd pages are not decoded without hyparquet's codec plug-in: the footer still gives names and types.
    const z = await readDataSample(join(DATA, 'customers-zstd.parquet'), 'customers-zstd.parquet', 'parquet');
    expect(z.status).toBe('ok');
    expect(z.columns).toEqual(s.columns);
    expect(z.rows).toEqual([]);
    expect(profileSample(z).find((p) => p.name === 'age')?.type).toBe('int');
  });

  it('tells free text from identifiers and many-level categories (a helpdesk export, CRLF line ends)', async () => {
    const s = await readDataSample(join(ROOT, 'test/fixtures/data/support_tickets.csv'), 'support_tickets.csv', 'csv');
    const p = Object.fromEntries(profileSample(s).map((x) => [x.name, x]));
    const kinds = (name: string) => ({ id: looksLikeIdentifier(p[name]!), text: looksLikeText(p[name]!), many: isHighCardinality(p[name]!) });
    expect(kinds('message')).toEqual({ id: false, text: true, many: false }); // distinct sentences, ~10 words
    expect(kinds('ticket_id')).toEqual({ id: true, text: false, many: false });
    expect(kinds('product')).toEqual({ id: false, text: false, many: true }); // 120 one-word levels
    expect(kinds('priority')).toEqual({ id: false, text: false, many: false });
    expect(p.priority!.missingShare).toBeGreaterThan(0.05);
    expect(p.opened!.type).toBe('datetime');
    expect(p.product!.meanWords).toBe(0); // short values: words never counted
  });

  it('reports a missing file, a file that is not CSV/Parquet, and resolves paths from the spec folder', async () => {
    expect((await readDataSample(join(DATA, 'absent.csv'), 'absent.csv', 'csv')).status).toBe('missing');
    const broken = await readDataSample(join(DATA, 'broken.parquet'), 'broken.parquet', 'parquet');
    expect(broken.status).toBe('unreadable');
    const dir = mkdtempSync(join(tmpdir(), 'pipec-sample-'));
    copyFileSync(join(DATA, 'broken.parquet'), join(dir, 'empty.csv'));
    writeFileSync(join(dir, 'empty.csv'), '');
    expect((await readDataSample(join(dir, 'empty.csv'), 'empty.csv', 'csv')).status).toBe('unreadable');
    expect(resolveDataPath('specs/p.pipeline', '../data/x.csv')).toBe('data/x.csv');
  });
});
