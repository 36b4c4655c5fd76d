/**
 * PC3106 (data file over max_file_size) warns that epoch 002 will sample the file down. On a cluster,
 * 002 writes partitioned parquet with every part under the limit, so the warning would be false there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/cli/load-spec.js';
import { REPO_ROOT } from '../helpers/generate-project.js';

const path = join(REPO_ROOT, 'test/diagnostics/cases/PC3106-file-over-limit.pipeline');
const base = readFileSync(path, 'utf8');
const codes = async (text: string) => (await checkSource({ path, text })).diagnostics.map((d) => d.code);

describe('data file over max_file_size', () => {
  it('warns on one machine, with the size in readable units', async () => {
    const r = await checkSource({ path, text: base });
    const d = r.diagnostics.find((x) => x.code === 'PC3106');
    expect(d?.message).toMatch(/^data file "data\/customers\.csv" is \d+ KB, over the 1KB file size limit$/);
  });

  it('says nothing when epoch 002 partitions the file on a cluster', async () => {
    const cluster = base.replace('  limits {', '  compute cluster dask { workers 2 }\n\n  limits {');
    expect(await codes(cluster)).not.toContain('PC3106');
  });

  it('still warns when the cluster leaves epoch 002 on one machine', async () => {
    const local = base.replace('  limits {', '  compute cluster dask { workers 2 }\n  epoch 002 {\n    compute local\n  }\n\n  limits {');
    expect(await codes(local)).toContain('PC3106');
  });
});
