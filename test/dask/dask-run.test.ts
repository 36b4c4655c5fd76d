/**
 * Issue 14's acceptance: a project on a Dask cluster (test/dask/dask-project.pipeline: 200k rows, two
 * workers of 640MB) runs epochs 001-006 for real on a `distributed.LocalCluster`, every gate passing; every
 * part file of the partitioned data stays under max_file_size with no row sampled away; the state and
 * tracking say which engine ran.
 * Memory, measured: the spec gets a wide column here (`note`, two ~7 KB memo texts, ordinal-encoded: a
 * free-text-like field that parquet stores once per distinct value but pandas holds once per row), so the
 * data's in-memory pandas size (summed memory_usage(deep=True) of the partitions, measured on the
 * workers) is over twice a worker's memory limit; every worker's sampled peak stays under its limit and
 * no worker process was restarted (the nanny kills a worker at 95 % of its limit).
 * Epochs run in one generated project, in order (one cluster start per epoch), to bound CI time.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  compileSpec, describeRun, generateProject, hasPython, partsNamed, REPO_ROOT, runPythonAsync, type GeneratedProject,
} from '../helpers/generate-project.js';

const SPEC = join(REPO_ROOT, 'test/dask/dask-project.pipeline');
/** Two memo texts of ~7 KB (one in 60 % of rows): ~7 KB per row in memory, ~1.4 GB at 200k rows. */
const MEMO = (tag: string) => `${tag}: ${'the customer asked about the statement balance and the payment plan; '.repeat(100)}`;
const WIDE_SPEC = readFileSync(SPEC, 'utf8')
  .replace(/(\n(\s*)column employment[^\n]*)/, `$1\n$2column note          category { "${MEMO('call memo')}": 60%, "${MEMO('branch memo')}": 40% }`)
  .replace(/(\n(\s*)encode employment onehot)/, '$1\n$2encode note ordinal');
const WORKER_MEMORY = 640 * 1024 ** 2;
const EPOCHS = ['001', '002', '003', '004', '005', '006'];
const CLUSTER_EPOCHS = ['002', '003', '004', '005', '006'];
const EPOCH_TIMEOUT_MS = 540_000;

let project: GeneratedProject;
const readJson = (...p: string[]): any => JSON.parse(readFileSync(join(project.dir, ...p), 'utf8'));
const dataDir = (id: string) => join(project.dir, 'data', 'dask_risk', project.ir.epochs.find((e) => e.id === id)!.dir);
const parts = (folder: string) => readdirSync(folder).filter((f) => /^part-\d{6}\.parquet$/.test(f)).sort();

describe.runIf(hasPython())('a Dask project runs 001-006 on a real LocalCluster (issue 14)', () => {
  beforeAll(async () => {
    expect(WIDE_SPEC).toContain('column note');
    expect(WIDE_SPEC).toContain('encode note ordinal');
    const ir = await compileSpec(SPEC, WIDE_SPEC);
    project = await generateProject(ir, undefined, partsNamed('project', 'runtime', 'package', ...EPOCHS.map((e) => `epoch${e}`)));
  });

  it('the IR puts epochs 002-006 on the cluster and only them', () => {
    const on = project.ir.epochs.filter((e) => e.compute).map((e) => e.id);
    expect(on).toEqual(CLUSTER_EPOCHS);
    expect(project.ir.epochs.find((e) => e.id === '005')?.compute).toEqual({
      engine: 'dask', workers: 2, workerTier: 'small', workerMemoryBytes: WORKER_MEMORY,
    });
  });

  it('runs every epoch with its gate passing, on the engine the IR names', async () => {
    for (const id of EPOCHS) {
      const epoch = project.ir.epochs.find((e) => e.id === id)!;
      const r = await runPythonAsync(project.dir, [`${epoch.dir}/scripts/run_epoch.py`], { PIPEC_APPROVE: 'all', PIPEC_N_JOBS: '1' },
        EPOCH_TIMEOUT_MS);
      expect(r.status, `epoch ${id}\n${describeRun(r)}`).toBe(0);
      if (epoch.compute) expect(r.stdout).toContain('dask: 2 workers x 0.62 GB (local scheduler)');
    }
    const state = readJson('.context', 'pipeline_state.json');
    for (const id of EPOCHS) {
      expect(state.epochs[id].status, id).toBe('completed');
      expect(state.epochs[id].gate.passed, id).toBe(true);
      expect(state.epochs[id].engine?.engine ?? 'pandas', id).toBe(CLUSTER_EPOCHS.includes(id) ? 'dask' : 'pandas');
    }
  }, EPOCH_TIMEOUT_MS * EPOCHS.length);

  it('002 keeps every row as partitioned parquet, each part under max_file_size', () => {
    const folder = join(dataDir('002'), 'synthetic_data.parquet');
    const files = parts(folder);
    expect(files.length).toBeGreaterThan(1);
    const limit = project.ir.limits.maxFileSizeBytes;
    for (const f of files) expect(statSync(join(folder, f)).size, f).toBeLessThan(limit);
    const facts = readJson('.context', 'pipeline_state.json').epochs['002'].facts;
    expect(facts['data.rows']).toBe(200_000);
    expect(facts['data.size']).toBeLessThan(limit);
    const split = readJson('.context', 'pipeline_state.json').epochs['004'].facts;
    expect(split['split.train_rows'] + split['split.test_rows']).toBe(200_000);
    expect(parts(join(dataDir('004'), 'train.parquet')).length).toBeGreaterThan(1);
  });

  it('the data in memory is over twice a worker\'s limit, yet no worker went over it or was restarted', () => {
    const data = readJson('.context', 'cluster', 'epoch002.json');
    expect(data.data_rows).toBe(200_000);
    // The data's pandas size, summed over the partitions on the workers: at least 2x the per-worker limit.
    expect(data.data_memory_bytes).toBeGreaterThanOrEqual(2 * WORKER_MEMORY);
    expect(readJson('.context', 'cluster', 'epoch003.json').data_memory_bytes).toBe(data.data_memory_bytes);
    for (const id of CLUSTER_EPOCHS) {
      const rec = readJson('.context', 'cluster', `epoch${id}.json`);
      expect(rec.engine).toBe('dask');
      expect(rec.worker_memory_limit_bytes, id).toBe(WORKER_MEMORY);
      expect(rec.workers_over_limit, id).toEqual([]);
      const peaks = Object.values(rec.peak_worker_memory_bytes) as number[];
      expect(peaks.length, id).toBe(2);
      for (const p of peaks) {
        expect(p, id).toBeGreaterThan(0);
        expect(p, id).toBeLessThan(rec.worker_memory_limit_bytes);
      }
      expect(Object.keys(rec.peak_worker_data_bytes).length, id).toBe(2);
      // Same two worker processes from start to end, none replaced in between (a nanny restart would show).
      expect(rec.worker_restarts, id).toBe(0);
      expect(Object.keys(rec.worker_pids_start).length, id).toBe(2);
      expect(rec.worker_pids_end, id).toEqual(rec.worker_pids_start);
      // The whole cluster (both workers and the epoch's process) was counted, not just one process.
      expect(rec.peak_cluster_memory_bytes, id).toBeGreaterThan(Math.max(...peaks));
    }
  });

  it('005 trained the final model on every training row with the distributed trainer and scored every test row', () => {
    const info = readJson('artifacts', project.ir.epochs.find((e) => e.id === '005')!.dir, 'best_model_info.json');
    const facts = readJson('.context', 'pipeline_state.json').epochs['004'].facts;
    expect(['xgboost.dask', 'lightgbm.dask']).toContain(info.trained_by.engine);
    expect(info.train_rows).toBe(facts['split.train_rows']);
    // The final fit's memory plan (dask_training.fit_plan) said the workers hold every training row.
    expect(info.trained_by.memory_plan.fit_rows).toBe(info.trained_by.memory_plan.rows);
    expect(info.trained_by.memory_plan.need_bytes).toBeLessThan(info.trained_by.memory_plan.worker_limit_bytes);
    expect(info.evaluated_on.test_rows).toBe(facts['split.test_rows']);
    expect(info.registered).not.toBeNull();
  });

  it('005 chose the model on a seeded sample of the training rows (the default `sample`), then refitted on all', () => {
    const dir = project.ir.epochs.find((e) => e.id === '005')!.dir;
    const comparison = readJson('artifacts', dir, 'model_comparison.json');
    const facts = readJson('.context', 'pipeline_state.json').epochs['004'].facts;
    expect(comparison.selection_path).toBe('sample');
    expect(comparison.sample.of).toBe(facts['split.train_rows']);
    expect(comparison.sample.sampled).toBe(true);
    expect(comparison.sample.rows).toBeLessThan(comparison.sample.of);
  });
});
