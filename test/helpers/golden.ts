/** Test helper: golden files with ONE update switch, UPDATE_GOLDEN=1. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from 'vitest';

/** Whether goldens are being rewritten in this run. */
export const UPDATING = process.env.UPDATE_GOLDEN === '1';

/** Compare `actual` with the golden file at `path` (or write it when UPDATE_GOLDEN=1). */
export function expectGolden(path: string, actual: string): void {
  if (UPDATING) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) throw new Error(`golden file ${path} is missing: run with UPDATE_GOLDEN=1 and review it`);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
