/**
 * Time and size budgets of model development, on one machine:
 * `models { baseline a, b within 2m each; tune best budget 40 trials within 10m; sample 100_000 rows }`.
 * Checks, lowering, the docs and (through the IR) the generated epoch 005 read them from here.
 */

/** A `within` budget is a duration quantity (`90s`, `10m`, `1h`); other units are refused. */
export const BUDGET_UNIT = 'duration' as const;

/** The words of a budget: `within <duration>`, `each` after a baseline list (the cap is per baseline). */
export const BUDGET_WORDS = { within: 'within', each: 'each' } as const;

/** Bounds and defaults of the budgets. */
export const BUDGETS = {
  /** Shortest `within` budget, seconds: below it not even one fit completes. */
  minSeconds: 1,
  /**
   * Training rows above which model selection (ranking, tuning, threshold) runs on a stratified seeded
   * sample of this many rows, the final refit using all of them (`sample N rows`; `sample off`). The
   * example's models score the same at 20k rows as at 1.84M (F1 0.762 vs 0.758), so 50k rows rank them
   * reliably (a CV fold then scores 10k rows) while a random-forest CV on a 2-core machine stays minutes.
   */
  defaultSelectionSampleRows: 50_000,
  /** Smallest selection sample: fewer rows make the CV ranking noise. */
  minSelectionSampleRows: 1_000,
} as const;
