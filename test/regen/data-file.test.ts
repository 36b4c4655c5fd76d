/** `data file "x.csv"`: compile places the file in the output's local dataset folder, refreshing it only when it changed. */
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeDataFile } from '../../src/cli/actions/compile-data.js';
import { fixtureIr } from '../helpers/generate-project.js';

const base = fixtureIr();
const fileIr = { ...base, data: { kind: 'file' as const, path: 'loans.csv', format: 'csv' as const, columns: [], target: base.data.target } };

describe('placeDataFile', () => {
  it('copies the spec-relative file, then reports it unchanged, then refreshes it after an edit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pipec-data-'));
    writeFileSync(join(dir, 'loans.csv'), 'a,b\n1,2\n');
    const spec = join(dir, 'project.pipeline');
    const out = join(dir, 'out');
    const to = join(out, 'data', base.project.name, 'loans.csv');
    expect(placeDataFile(fileIr, spec, out)).toEqual({ kind: 'copied', from: join(dir, 'loans.csv'), to });
    expect(readFileSync(to, 'utf8')).toBe('a,b\n1,2\n');
    expect(placeDataFile(fileIr, spec, out).kind).toBe('unchanged');
    writeFileSync(join(dir, 'loans.csv'), 'a,b\n3,4\n');
    expect(placeDataFile(fileIr, spec, out).kind).toBe('copied');
    expect(readFileSync(to, 'utf8')).toBe('a,b\n3,4\n');
  });

  it('reports a missing source and writes nothing; synthetic data needs no copy', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pipec-data-'));
    const out = join(dir, 'out');
    expect(placeDataFile(fileIr, join(dir, 'project.pipeline'), out)).toEqual({ kind: 'missing', from: join(dir, 'loans.csv') });
    expect(existsSync(out)).toBe(false);
    expect(placeDataFile(base, join(dir, 'project.pipeline'), out)).toEqual({ kind: 'none' });
  });
});
