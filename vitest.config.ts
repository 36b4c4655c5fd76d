import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Python-heavy suites spawn processes; two cores on CI, so keep parallelism modest.
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'main', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, 'test/dask/**'] } },
      // Suites that start a Dask LocalCluster run one file at a time: two clusters training LightGBM/XGBoost
      // side by side on a 2-core machine stalled a run (a 005 waited on its workers until the test timed out).
      { extends: true, test: { name: 'dask', include: ['test/dask/**/*.test.ts'], fileParallelism: false } },
    ],
  },
});
