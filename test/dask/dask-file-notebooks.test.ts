/**
 * Issue 14, over a real-shaped CSV (test/dask/dask-file-project.pipeline + make_orders.py: an id column,
 * dates, a 2,000-level category, missing values) on a real LocalCluster of two workers:
 * - 002 converts the file to partitioned parquet per partition; a run killed mid-way (SIGKILL to its
 *   whole process group, cluster included) keeps the parts it recorded and the rerun skips exactly those;
 *   a changed file starts the conversion again.
 * - The notebooks of cluster epochs (002, 003, 004) connect as the scripts do, read the partitioned parquet
 *   with dask.dataframe, compute over every row on the workers, and execute with nbclient.
 * - The cluster notebooks are deterministic and match their golden files (dask-project.pipeline).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { emitProject } from '../../src/emit/index.js';
import { expectGolden } from '../helpers/golden.js';
import {
  PYTHON, REPO_ROOT, compileSpec, describeRun, generateProject, hasPython, partsNamed, runPythonAsync, testAssets,
  type GeneratedProject,
} from '../helpers/generate-project.js';

const ROWS = 60_000;
const EPOCHS = ['001', '002', '003', '004'];
const ENV = { PIPEC_APPROVE: 'all', PIPEC_N_JOBS: '1' };
const STEP_MS = 300_000;

let work: string;
let project: GeneratedProject;
const dirOf = (id: string) => project.ir.epochs.find((e) => e.id === id)!.dir;
const partsDir = () => join(project.dir, 'data', 'dask_orders', dirOf('002'), 'source_data.parquet');
const manifest = (): { parts: Record<string, { rows: number; bytes: number }> } | null => {
  const file = join(partsDir(), '_pipec_source.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null; // not written yet, or mid-rename
  }
};
const runEpoch = (id: string, env: Record<string, string> = {}) =>
  runPythonAsync(project.dir, [`${dirOf(id)}/scripts/run_epoch.py`], { ...ENV, PIPEC_SOURCE_DATA: join(work, 'orders.csv'), ...env }, STEP_MS);

/** Starts 002 in its own process group and SIGKILLs the group once `parts` partitions are recorded. */
async function killedConversion(parts: number): Promise<void> {
  const child = spawn(PYTHON, [`${dirOf('002')}/scripts/run_epoch.py`], {
    cwd: project.dir,
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, ...ENV, PYTHONPATH: 'src', MPLBACKEND: 'Agg', DOMINO_PROJECT_NAME: '', DOMINO_RUN_ID: '', PIPEC_SOURCE_DATA: join(work, 'orders.csv') },
  });
  const exited = new Promise<number | null>((res) => child.on('close', (code) => res(code)));
  const deadline = Date.now() + STEP_MS;
  while (Object.keys(manifest()?.parts ?? {}).length < parts && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  process.kill(-child.pid!, 'SIGKILL');
  await exited;
}

/** Executes a notebook with nbclient (cwd = project root); its errors, images and the text it printed. */
const EXECUTE = `
import json, sys, nbformat
from nbclient import NotebookClient
nb = nbformat.read(sys.argv[1], as_version=4)
NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": "."}}).execute()
outs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
print(json.dumps({"errors": [o.get("ename") for o in outs if o.get("output_type") == "error"],
                  "images": sum(1 for o in outs if "image/png" in o.get("data", {})),
                  "text": "".join(o.get("text", "") for o in outs if o.get("output_type") == "stream" and o.get("name") == "stdout")}))
`;

describe.runIf(hasPython())('a Dask project over a CSV file: resumable conversion and cluster notebooks (issue 14)', () => {
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'pipec-dask-orders-'));
    copyFileSync(join(REPO_ROOT, 'test/dask/dask-file-project.pipeline'), join(work, 'project.pipeline'));
    const made = await runPythonAsync(work, [join(REPO_ROOT, 'test/dask/make_orders.py'), join(work, 'orders.csv'), String(ROWS)]);
    expect(made.status, describeRun(made)).toBe(0);
    const ir = await compileSpec(join(work, 'project.pipeline'));
    project = await generateProject(ir, join(work, 'proj'), partsNamed('project', 'runtime', 'package', ...EPOCHS.map((e) => `epoch${e}`)));
    const first = await runEpoch('001');
    expect(first.status, describeRun(first)).toBe(0);
  }, STEP_MS);

  it('002 killed mid-conversion keeps the recorded parts; the rerun skips exactly those and converts every row', async () => {
    await killedConversion(2);
    const before = manifest()!;
    const kept = Object.keys(before.parts);
    expect(kept.length).toBeGreaterThanOrEqual(2);
    const mtimes = new Map(kept.map((i) => [i, statSync(join(partsDir(), `part-${i.padStart(6, '0')}.parquet`)).mtimeMs]));
    const r = await runEpoch('002');
    expect(r.status, describeRun(r)).toBe(0);
    const total = Object.keys(manifest()!.parts).length;
    expect(total).toBeGreaterThanOrEqual(10);
    expect(kept.length).toBeLessThan(total);
    expect(r.stdout).toContain(`convert: ${kept.length}/${total} partitions written before from the same file, kept`);
    for (const [i, t] of mtimes) expect(statSync(join(partsDir(), `part-${i.padStart(6, '0')}.parquet`)).mtimeMs, `part ${i}`).toBe(t);
    const state = JSON.parse(readFileSync(join(project.dir, '.context', 'pipeline_state.json'), 'utf8'));
    expect(state.epochs['002'].facts['data.rows']).toBe(ROWS);
    expect(state.epochs['002'].engine.engine).toBe('dask');
    const files = readdirSync(partsDir()).filter((f) => f.startsWith('part-'));
    expect(files).toHaveLength(total);
    for (const f of files) expect(statSync(join(partsDir(), f)).size, f).toBeLessThan(project.ir.limits.maxFileSizeBytes);
  }, 3 * STEP_MS);

  it('the notebooks of 002, 003 and 004 run on the cluster over every row', async () => {
    for (const id of ['003', '004']) {
      const r = await runEpoch(id);
      expect(r.status, `epoch ${id}\n${describeRun(r)}`).toBe(0);
    }
    const expected: [string, string, RegExp][] = [
      ['002', 'data_wrangling.ipynb', /\d+ partitions, largest part \d+ bytes \(local scheduler\)/],
      ['003', 'eda.ipynb', new RegExp(`^${ROWS} rows in \\d+ partitions, 7 columns \\(local scheduler\\); figures from a seeded sample of ${ROWS} rows$`, 'm')],
      ['004', 'feature_engineering.ipynb', /^train \d+ rows in \d+ partitions, test \d+ rows \(local scheduler\)$/m],
    ];
    for (const [id, file, line] of expected) {
      const run = await runPythonAsync(project.dir, ['-c', EXECUTE, `${dirOf(id)}/notebooks/${file}`], ENV, STEP_MS);
      expect(run.status, describeRun(run)).toBe(0);
      const result = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as { errors: string[]; images: number; text: string };
      expect(result.errors, file).toEqual([]);
      expect(result.text, file).toMatch(line);
      if (id === '003') {
        expect(result.images).toBe(5);
        expect(result.text).toMatch(/^quality score \d\.\d{3}, critical issues \d+, duplicate rows 0$/m);
      }
    }
  }, 6 * STEP_MS);

  it('a changed data file starts the conversion again', async () => {
    const made = await runPythonAsync(work, [join(REPO_ROOT, 'test/dask/make_orders.py'), join(work, 'orders.csv'), '45000']);
    expect(made.status, describeRun(made)).toBe(0);
    const r = await runEpoch('002');
    expect(r.status, describeRun(r)).toBe(0);
    expect(r.stdout).not.toContain('written before');
    const state = JSON.parse(readFileSync(join(project.dir, '.context', 'pipeline_state.json'), 'utf8'));
    expect(state.epochs['002'].facts['data.rows']).toBe(45_000);
    expect(existsSync(join(partsDir(), `part-${String(Object.keys(manifest()!.parts).length).padStart(6, '0')}.parquet`))).toBe(false);
  }, STEP_MS);
});

describe('the notebooks of cluster epochs (dask-project.pipeline)', async () => {
  const ir = await compileSpec(join(REPO_ROOT, 'test/dask/dask-project.pipeline'));
  const parts = partsNamed('epoch002', 'epoch003', 'epoch004', 'epoch005', 'epoch006');
  const files = emitProject(ir, await testAssets(), parts);
  const notebooks = files.filter((f) => f.path.endsWith('.ipynb'));

  it('connect as the scripts do and never load a whole partitioned data set with pandas', () => {
    const cluster = ['002', '003', '004', '005'].map((id) => ir.epochs.find((e) => e.id === id)!.dir);
    for (const dir of cluster) {
      const nb = notebooks.find((f) => f.path.startsWith(`${dir}/`))!;
      expect(nb.contents, nb.path).toContain('cluster = connect(find_epoch(project_ir(), ');
      expect(nb.contents, nb.path).toContain('dask_data.read(');
      expect(nb.contents, nb.path).not.toContain('pd.read_parquet');
    }
  });

  it('are deterministic and match their golden files', async () => {
    const again = emitProject(ir, await testAssets(), parts).filter((f) => f.path.endsWith('.ipynb'));
    expect(again.map((f) => f.contents)).toEqual(notebooks.map((f) => f.contents));
    for (const [id, file] of [['003', 'eda.ipynb'], ['004', 'feature_engineering.ipynb']] as const) {
      const nb = notebooks.find((f) => f.path === `${ir.epochs.find((e) => e.id === id)!.dir}/notebooks/${file}`)!;
      expectGolden(join(REPO_ROOT, 'test', 'dask', 'golden', `${file}.golden`), nb.contents);
    }
  });
});
