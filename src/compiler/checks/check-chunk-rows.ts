// Rule: chunk_rows is a whole number between 100 and 1,000,000.
import type { Check } from '../check-context.js';
import { PLATFORM } from '../standard.js';

/** PC6003: chunk size out of range. */
export const checkChunkRows: Check = {
  name: 'chunk-rows',
  run({ spec, rep }) {
    const v = spec.project.limits?.chunkRows;
    if (v && !(Number.isInteger(v.value) && v.value >= PLATFORM.chunkRowsMin && v.value <= PLATFORM.chunkRowsMax)) {
      rep.report('PC6003', v, `chunk_rows ${v.value} is outside ${PLATFORM.chunkRowsMin}..${PLATFORM.chunkRowsMax.toLocaleString('en-US')}`,
        'use a whole number of rows such as `chunk_rows 10_000`');
    }
  },
};
