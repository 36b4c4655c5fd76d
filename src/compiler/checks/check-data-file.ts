// Rule: the spec's data file exists, can be read, and fits the file size limit (issue 12).
import type { Check } from '../check-context.js';
import { formatBytes } from '../../ir/feasibility-text.js';
import { runsOnCluster } from '../compute-of.js';
import { PLATFORM } from '../standard.js';
import { formatValue } from '../units.js';

/** PC3101 data file not found (warning), PC3102 unreadable, PC3106 over `max_file_size` (unless 002 partitions it on a cluster). */
export const checkDataFile: Check = {
  name: 'data-file',
  run({ spec, rep, data }) {
    const at = spec.project.data?.path;
    if (!data || !at) return;
    if (data.status === 'missing') {
      rep.report('PC3101', at, `data file "${at.value}" not found at ${data.resolvedPath}`,
        'put the file there or fix the path; on Domino it may live on the dataset mount, which is fine');
      return;
    }
    if (data.status === 'unreadable') {
      rep.report('PC3102', at, `data file "${at.value}" cannot be read as ${data.format.toUpperCase()}: ${data.error ?? 'unknown error'}`,
        'check the file, or write `format csv` / `format parquet` in the data block if the extension misleads');
      return;
    }
    const limit = spec.project.limits?.maxFileSize ?? spec.library?.limits?.maxFileSize ?? null;
    const bytes = limit?.value ?? PLATFORM.maxFileSizeBytes;
    // On a cluster, epoch 002 writes partitioned parquet with every part under the limit: no row is dropped.
    const wrangling = spec.epochs.find((e) => e.id === '002');
    const partitioned = wrangling !== undefined && runsOnCluster(spec, wrangling);
    if (data.sizeBytes > bytes && !partitioned) {
      rep.report('PC3106', at, `data file "${at.value}" is ${formatBytes(data.sizeBytes)}, over the ${formatValue(bytes, 'size')} file size limit`,
        'epoch 002 will sample it down to the limit; raise `max_file_size` or reduce the file to use all of it');
    }
  },
};
