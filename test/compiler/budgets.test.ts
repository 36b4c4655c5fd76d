/**
 * Time and size budgets of model development (issue 14 item 4): `baseline ... within 2m each`,
 * `tune ... within 10m`, `sample N rows` / `sample off`, lowered to the IR in seconds and rows with
 * the catalogue's default; wrong units are a wrong-kind finding, too-small values PC4201/PC4202.
 */
import { describe, expect, it } from 'vitest';
import { checkSpec } from '../../src/compiler/index.js';
import { BUDGETS } from '../../src/catalogue/index.js';
import { diskLoader } from './helpers/disk-loader.js';
import { tinySpec } from './helpers/tiny-spec.js';

const loader = diskLoader();
const spec = (models: string) => tinySpec({ models });
const check = (models: string) => checkSpec({ path: 'b.pipeline', text: spec(models) }, { loadLibrary: loader });
const errors = (models: string) => check(models).diagnostics.filter((d) => d.severity === 'error')
  .map((d) => `${d.code} ${d.range!.start.line}:${d.range!.start.column} ${d.message}`);

describe('model development budgets', () => {
  it('lower `within` to seconds and `sample` to rows', () => {
    const r = check('    baseline xgboost, lightgbm within 90s each\n    tune best budget 20 trials within 1h\n    sample 20_000 rows');
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.ir!.models).toMatchObject({ baselineTimeSeconds: 90, selectionSampleRows: 20_000 });
    expect(r.ir!.models.tune).toMatchObject({ budgetTrials: 20, timeSeconds: 3600 });
  });

  it('default to no time limit and the catalogue sample; `sample off` selects on every row', () => {
    const dflt = check('    baseline xgboost\n    tune best budget 20 trials').ir!.models;
    expect(dflt).toMatchObject({ baselineTimeSeconds: null, selectionSampleRows: BUDGETS.defaultSelectionSampleRows });
    expect(dflt.tune!.timeSeconds).toBeNull();
    expect(check('    baseline xgboost\n    sample off').ir!.models.selectionSampleRows).toBeNull();
    // `each` is optional after a baseline cap.
    expect(check('    baseline xgboost within 2m').ir!.models.baselineTimeSeconds).toBe(120);
  });

  it('refuse a budget that is not a duration, a missing one and stray words', () => {
    expect(errors('    baseline xgboost within 10MB each')).toEqual(['PC1004 12:29 `within` expects a duration like `10m` or `90s`, found quantity 10MB']);
    expect(errors('    tune best budget 20 trials within 5')).toEqual(['PC1004 12:39 `within` expects a duration like `10m` or `90s`, found number 5']);
    expect(errors('    baseline xgboost within')[0]).toMatch(/^PC1002 12:22 `within` needs a duration/);
    expect(errors('    baseline xgboost within 2m every')[0]).toMatch(/^PC1004 12:32 `baseline ... within` expects `each`/);
    expect(errors('    sample 20_000 folds')[0]).toMatch(/^PC1004 12:19 `sample N` expects `rows`/);
  });

  it('report budgets too small to train in (PC4201) and samples too small to rank on (PC4202)', () => {
    expect(errors('    baseline xgboost within 0s each').map((e) => e.split(' ')[0])).toEqual(['PC4201']);
    expect(errors('    sample 999 rows').map((e) => e.split(' ')[0])).toEqual(['PC4202']);
    expect(errors('    sample 1500.5 rows').map((e) => e.split(' ')[0])).toEqual(['PC4202']);
  });
});
