/**
 * Test helper: `pipec check --deep` (in process: the CLI's deep module, which spawns the pinned Python)
 * on a spec with file data, and the check that each metric a full run reached lies in the interval
 * the deep check predicted for it. The pairs are printed for the report.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { checkSpec } from '../../src/compiler/index.js';
import { deepCheck } from '../../src/cli/deep/deep-run.js';
import type { DeepReport } from '../../src/cli/deep/deep-types.js';
import { diskLoader } from '../compiler/helpers/disk-loader.js';
import { PYTHON } from './generate-project.js';

/** Deep-check `spec` (text, at `path`) with a fresh cache; fails the test on a diagnostic. */
export function runDeep(path: string, text: string, cacheDir = mkdtempSync(join(tmpdir(), 'pipec-deep-'))): DeepReport {
  const checked = checkSpec({ path, text }, { loadLibrary: diskLoader() });
  expect(checked.ir, JSON.stringify(checked.diagnostics)).not.toBeNull();
  const before = process.env.PIPEC_DEEP_CACHE_DIR;
  process.env.PIPEC_DEEP_CACHE_DIR = cacheDir;
  try {
    const report = deepCheck(checked.ir!, path, { python: PYTHON });
    expect(report && 'code' in report ? report.message : 'ok').toBe('ok');
    return report as DeepReport;
  } finally {
    if (before === undefined) delete process.env.PIPEC_DEEP_CACHE_DIR;
    else process.env.PIPEC_DEEP_CACHE_DIR = before;
  }
}

/** Every metric the run reached lies within the deep check's interval for it. */
export function expectWithinDeep(name: string, report: DeepReport, achieved: Record<string, number>): void {
  const lines: string[] = [];
  const outside: string[] = [];
  for (const [metric, m] of Object.entries(report.result.metrics)) {
    const value = achieved[metric];
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    const inside = value >= m.low && value <= m.high;
    lines.push(`${metric}: achieved ${value.toFixed(4)}, deep ${m.expected.toFixed(4)} [${m.low.toFixed(4)}, ${m.high.toFixed(4)}]${inside ? '' : '  OUTSIDE'}`);
    if (!inside) outside.push(metric);
  }
  console.log(`[deep] ${name}: ${report.result.sampled_rows} of ${report.result.rows} rows, ${report.result.seconds}s\n  ${lines.join('\n  ')}`);
  expect(lines.length).toBeGreaterThan(0);
  expect(outside).toEqual([]);
}
