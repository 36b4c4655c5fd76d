/** Hand-made diagnostics over a small source with tabs, wide characters and a multi-line expression. */
import type { Diagnostic } from '../../src/diagnostics/types.js';
import { rangeOf } from './helpers.js';

/** The spec text the fixtures point into. */
export const FIXTURE_FILE = 'specs/demo.pipeline';
export const FIXTURE_TEXT = [
  'project demo {',
  '\tcolumn âge int',
  '  column 名前 category { a: 50%, b: 40% }',
  '  derive x = a +',
  '     b * c',
  '  column âge float',
  '}',
  '',
].join('\n');

/** Diagnostics covering every layout case of the pretty renderer. */
export function fixtureDiagnostics(): Diagnostic[] {
  const t = FIXTURE_TEXT;
  return [
    {
      code: 'PC2001',
      severity: 'error',
      message: 'column "âge" is defined twice',
      file: FIXTURE_FILE,
      range: rangeOf(t, 'âge', 1),
      related: [{ message: 'first defined here', file: FIXTURE_FILE, range: rangeOf(t, 'âge', 0) }],
      hint: 'rename one of the two columns',
    },
    {
      code: 'PC3002',
      severity: 'warning',
      message: 'category shares of "名前" sum to 90%, not 100%',
      file: FIXTURE_FILE,
      range: rangeOf(t, '{ a: 50%, b: 40% }'),
      hint: 'make the shares add up to 100%',
    },
    {
      code: 'PC3003',
      severity: 'error',
      message: 'formula uses unknown columns',
      file: FIXTURE_FILE,
      range: { start: rangeOf(t, 'a +').start, end: rangeOf(t, 'b * c').end },
    },
    { code: 'PC6006', severity: 'info', message: 'file has no data block', file: FIXTURE_FILE },
    {
      code: 'PC2010',
      severity: 'error',
      message: 'epoch 009 is not defined',
      file: '<stdlib>/lifecycle/missing.pipeline',
      range: { start: { offset: 10, line: 2, column: 3 }, end: { offset: 13, line: 2, column: 6 } },
    },
  ];
}
