// Rule: time budgets (`within`) leave room for a fit, and the selection sample is big enough to rank on.
import { BUDGETS } from '../../catalogue/index.js';
import type { Check } from '../check-context.js';
import { formatValue } from '../units.js';

/** PC4201 a `within` budget under the catalogue minimum; PC4202 a selection sample too small or fractional. */
export const checkBudgets: Check = {
  name: 'budgets',
  run({ spec, rep }) {
    const models = spec.project.models;
    if (!models) return;
    for (const budget of [models.baselineTimeSeconds, models.tune?.timeSeconds ?? null]) {
      if (budget && budget.value < BUDGETS.minSeconds) {
        rep.report('PC4201', budget, `a time budget of ${formatValue(budget.value, 'duration')} leaves no time for a single fit`,
          `use at least ${formatValue(BUDGETS.minSeconds, 'duration')}, e.g. \`within 10m\``);
      }
    }
    const sample = models.sample;
    if (sample && typeof sample.value === 'number'
      && (!Number.isInteger(sample.value) || sample.value < BUDGETS.minSelectionSampleRows)) {
      rep.report('PC4202', sample, `a selection sample of ${sample.value} rows is too small to rank models on`,
        `sample at least ${BUDGETS.minSelectionSampleRows} whole rows (e.g. \`sample ${BUDGETS.defaultSelectionSampleRows} rows\`), or write \`sample off\``);
    }
  },
};
