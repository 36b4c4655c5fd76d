// Rule: synthetic data has a positive whole number of rows and a non-negative whole seed.
import type { Check } from '../check-context.js';

/** PC3004 on `rows` and `seed` (also PC1002-style absence of rows in synthetic data). */
export const checkRowsSeed: Check = {
  name: 'rows-seed',
  run({ spec, rep }) {
    const data = spec.project.data;
    if (!data) return;
    const rows = data.rows;
    if (rows && (!Number.isInteger(rows.value) || rows.value <= 0)) {
      rep.report('PC3004', rows, `rows must be a positive whole number, found ${rows.value}`, 'use e.g. `rows 10_000`');
    }
    if (!rows && data.kind === 'synthetic') {
      rep.report('PC3004', data, 'synthetic data has no `rows` setting', 'add `rows 10_000` to the data block');
    }
    const seed = data.seed;
    if (seed && (!Number.isInteger(seed.value) || seed.value < 0)) {
      rep.report('PC3004', seed, `seed must be a non-negative whole number, found ${seed.value}`, 'use e.g. `seed 42`');
    }
  },
};
