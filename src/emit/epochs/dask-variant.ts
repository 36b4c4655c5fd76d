/**
 * Epochs on a Dask cluster (IR `epochs[].compute`): the same epoch emitter, with its run script taken from
 * `stdlib/templates/<epochNNN>-dask/` and dask/distributed pinned into its requirements. A notebook with a
 * Dask variant there (same file name) is rendered from it: it connects to the cluster as the script does and
 * reads the partitioned parquet with dask.dataframe. The package's Dask modules come from package/dask.ts.
 */
import type { Compute } from '../../ir/schema.js';

/** Python packages every cluster epoch imports. */
export const DASK_REQUIREMENTS: readonly string[] = ['dask', 'distributed'];

/** The fields of an epoch emitter's options this variant rewrites (epoch-common's EpochPartOptions). */
export interface DaskVariantInput {
  templateDir: string;
  requirements: readonly string[];
  extra?: Record<string, unknown>;
  sources?: readonly string[];
}

/** `opts` for the Dask script of the same epoch; the view gets `compute` for the templates. */
export function daskVariant<T extends DaskVariantInput>(opts: T, compute: Compute): T {
  return {
    ...opts,
    templateDir: `${opts.templateDir}-dask`,
    requirements: [...opts.requirements, ...DASK_REQUIREMENTS],
    extra: { ...(opts.extra ?? {}), compute, daskReadme: opts.templateDir },
    sources: [...(opts.sources ?? []), 'limits'],
  };
}

/**
 * The template of a notebook of a cluster epoch: `<epochNNN>-dask/<name>` when the stdlib has one (`has`),
 * else the single-machine template (a notebook that reads no data set, e.g. one that shows JSON reports).
 */
export function daskNotebookTemplate(template: string, has: (name: string) => boolean): string {
  const slash = template.indexOf('/');
  const dask = `${template.slice(0, slash)}-dask${template.slice(slash)}`;
  return slash > 0 && has(dask) ? dask : template;
}
