/** Parsing of run options and the epoch plan (pure functions). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IrSchema } from '../../src/ir/schema.js';
import { formatElapsed, parseDuration, parseEpochList, parseSize } from '../../src/runner/options.js';
import { ancestorsOf, planEpochs } from '../../src/runner/run.js';
import { selectEpochs } from '../../src/runner/project.js';
import { FIXTURE } from './helpers.js';

const ir = IrSchema.parse(JSON.parse(readFileSync(join(FIXTURE, '.pipec', 'ir.json'), 'utf8')));

describe('run options', () => {
  it('parses durations, sizes and epoch lists', () => {
    expect([parseDuration('30m'), parseDuration('1h30m'), parseDuration('90s'), parseDuration('45'), parseDuration('500ms')]).toEqual([
      1800, 5400, 90, 45, 0.5,
    ]);
    expect([parseSize('12GB'), parseSize('512mb'), parseSize('1024')]).toEqual([12 * 1024 ** 3, 512 * 1024 ** 2, 1024]);
    expect(parseEpochList('003, 006')).toEqual(['003', '006']);
    expect(() => parseDuration('30 minutes')).toThrow('invalid duration "30 minutes"');
    expect(() => parseDuration('m')).toThrow('invalid duration');
    expect(() => parseSize('0GB')).toThrow('must be greater than zero');
    expect(() => parseEpochList('3,006')).toThrow('--approve expects an epoch id of three digits (e.g. 005), got "3"');
    expect([formatElapsed(4.25), formatElapsed(185), formatElapsed(3720)]).toEqual(['4.3s', '3m05s', '1h02m']);
  });

  it('selects epochs with --from / --only and plans --resume around completed and downstream epochs', () => {
    expect(selectEpochs(ir, {}).map((e) => e.id)).toEqual(['001', '002', '003']);
    expect(selectEpochs(ir, { from: '002' }).map((e) => e.id)).toEqual(['002', '003']);
    expect(selectEpochs(ir, { only: '002' }).map((e) => e.id)).toEqual(['002']);
    expect(() => selectEpochs(ir, { only: '002', from: '001' })).toThrow('--only and --from cannot be combined');
    expect(ancestorsOf(ir, '003')).toEqual(['001', '002']);
    const all = selectEpochs(ir, {});
    const state = (s: Record<string, string>) => ({
      epochs: Object.fromEntries(Object.entries(s).map(([k, v]) => [k, { status: v as 'completed' }])),
      blockers: [],
      warnings: [],
    });
    const plan = planEpochs(ir, all, state({ '001': 'completed', '002': 'stale', '003': 'completed' }), true);
    expect([plan.skip.map((e) => e.id), plan.run.map((e) => e.id)]).toEqual([['001'], ['002', '003']]);
    expect(planEpochs(ir, all, state({ '001': 'completed' }), false).run.map((e) => e.id)).toEqual(['001', '002', '003']);
  });
});
