/** The regeneration rules of issue 6 §2 on synthetic file sets: create, update, merge, conflict, delete, keep. */
import { existsSync, mkdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureIr, variantIr } from '../helpers/generate-project.js';
import { spawn } from 'node:child_process';
import { applyPlan, OutputFolderError, recoverOutput, renderPlanJson, renderPlanText, TXN_DIR } from '../../src/writer/index.js';
import { cleanupTmp, compileTo, planFor, planLines, read, tmpDir, treeHashes } from './helpers.js';
import { synthFiles } from './synthetic.js';

afterAll(() => cleanupTmp());

const ir0 = fixtureIr();
const dir2 = ir0.epochs.find((e) => e.id === '002')!.dir;
const dir3 = ir0.epochs.find((e) => e.id === '003')!.dir;
const dir5 = ir0.epochs.find((e) => e.id === '005')!.dir;
const dir8 = ir0.epochs.find((e) => e.id === '008')!.dir;

/** The spec edit of the acceptance scenario: one more column, a stricter epoch-005 gate. */
const evolved = variantIr(ir0, (ir) => {
  if (ir.data.kind !== 'synthetic') throw new Error('fixture must be synthetic');
  ir.data.columns.push({ name: 'tenure_months', type: 'int', distribution: { kind: 'uniform', low: 0, high: 240 }, categories: null, clip: null, missing: 0 });
  const g = ir.epochs.find((e) => e.id === '005')!.gate.find((r) => r.fact === 'metric.f1_score')!;
  g.value = 0.75;
});

function fresh() {
  const out = tmpDir();
  compileTo(out, ir0, synthFiles(ir0));
  return out;
}

describe('first compile and no-op recompile', () => {
  it('writes files, manifest and base copies; a recompile writes nothing', () => {
    const out = tmpDir();
    const { plan } = compileTo(out, ir0, synthFiles(ir0));
    expect(plan.firstCompile).toBe(true);
    expect(plan.files.every((f) => f.action === 'create')).toBe(true);
    const manifest = JSON.parse(read(out, '.pipec/manifest.json'));
    expect(manifest.files.map((f: { path: string }) => f.path)).not.toContain('.context/pipeline_state.json');
    expect(read(out, `.pipec/base/${dir2}/scripts/run_epoch.py`)).toBe(read(out, `${dir2}/scripts/run_epoch.py`));
    expect(statSync(join(out, 'run.sh')).mode & 0o777).toBe(0o755);
    const before = treeHashes(out);
    const mtime = statSync(join(out, '.pipec/manifest.json')).mtimeMs;
    const again = compileTo(out, ir0, synthFiles(ir0));
    expect(again.plan.upToDate).toBe(true);
    expect(again.plan.rerun).toEqual([]);
    expect(treeHashes(out)).toEqual(before);
    expect(statSync(join(out, '.pipec/manifest.json')).mtimeMs).toBe(mtime);
    expect(existsSync(join(out, TXN_DIR))).toBe(false);
  });

  it('is deterministic: two folders compiled from the same IR are byte-identical', () => {
    const a = fresh();
    const b = fresh();
    expect(treeHashes(a)).toEqual(treeHashes(b));
  });
});

describe('regeneration after a spec change', () => {
  it('keeps hand edits, merges the new column and gate, and plans exactly those files and epochs', () => {
    const out = fresh();
    const script = `${dir2}/scripts/run_epoch.py`;
    const nb = `${dir3}/notebooks/eda.ipynb`;
    // Hand edits: a helper at the end of the script; a changed first cell in the notebook.
    writeFileSync(join(out, script), `${read(out, script)}\n\ndef my_helper():\n    return 42\n`);
    const nbJson = JSON.parse(read(out, nb));
    nbJson.cells[0].source.push('\ndf = df.dropna()  # my edit');
    writeFileSync(join(out, nb), JSON.stringify(nbJson, null, 1) + '\n');
    writeFileSync(join(out, '.context/pipeline_state.json'), '{"epochs": {"002": "completed"}}\n');
    mkdirSync(join(out, 'data'));
    writeFileSync(join(out, 'data/raw.parquet'), 'not really parquet');

    const plan = planFor(out, evolved, synthFiles(evolved));
    expect(planLines(plan)).toEqual([
      `merge ${dir2}/scripts/run_epoch.py`,
      `merge ${dir3}/notebooks/eda.ipynb`,
      `update ${dir5}/scripts/run_epoch.py`,
      `update src/credit_risk/config.py`,
    ].sort((a, b) => (a.split(' ')[1]! < b.split(' ')[1]! ? -1 : 1)));
    expect(plan.files.find((f) => f.path === 'src/credit_risk/config.py')!.causes).toEqual(['data']);
    expect(plan.files.find((f) => f.path === `${dir5}/scripts/run_epoch.py`)!.causes).toEqual(['epochs.005']);
    expect(plan.rerun.map((r) => r.id)).toEqual(['002', '003', '004', '005', '006', '007', '008']);
    expect(plan.rerun[0]!.reasons).toEqual([`spec section data changed`, `generated code changed: ${dir2}/scripts/run_epoch.py`]);
    const after4 = ir0.epochs.find((e) => e.id === '004')!.after;
    expect(plan.rerun[2]!.reasons).toEqual([`upstream epoch${after4.length > 1 ? 's' : ''} ${after4.join(', ')} rerun${after4.length > 1 ? '' : 's'}`]);
    expect(plan.stale).toEqual(['002', '003', '004', '005', '006', '007', '008']);
    expect(renderPlanText(plan)).toContain(`M merge    ${dir2}/scripts/run_epoch.py`);
    expect(JSON.parse(renderPlanJson(plan)).epochs.stale).toEqual(plan.stale);

    const staleSeen: string[][] = [];
    const result = applyPlan(plan, { markStale: (ids: string[]) => staleSeen.push(ids) });
    expect(result.conflicts).toEqual([]);
    expect(staleSeen).toEqual([plan.stale]);
    const s = read(out, script);
    expect(s).toContain('def my_helper():');
    expect(s).toContain('"tenure_months"');
    expect(read(out, `${dir5}/scripts/run_epoch.py`)).toContain('0.75');
    const merged = JSON.parse(read(out, nb));
    expect(merged.cells[0].source.join('')).toContain('df = df.dropna()  # my edit');
    expect(merged.cells.map((c: { source: string[] }) => c.source.join(''))).toContain('df["tenure_months"].hist()');
    expect(read(out, '.context/pipeline_state.json')).toBe('{"epochs": {"002": "completed"}}\n');
    expect(read(out, 'data/raw.parquet')).toBe('not really parquet');
    // Up to date afterwards; edits still counted as kept.
    const after = planFor(out, evolved, synthFiles(evolved));
    expect(after.upToDate).toBe(true);
    expect(planLines(after)).toContain(`keep(edited) ${dir2}/scripts/run_epoch.py`);
  });

  it('writes conflict markers for a conflicting edit, lists it, and loses nothing else', () => {
    const out = fresh();
    const script = `${dir5}/scripts/run_epoch.py`;
    const edited = read(out, script).replace('0.7)', '0.72)  # we agreed on 0.72');
    writeFileSync(join(out, script), edited);
    writeFileSync(join(out, 'README.md'), '# My own README\n');
    const { plan, result } = compileTo(out, evolved, synthFiles(evolved));
    expect(result.conflicts).toEqual([script]);
    expect(plan.files.find((f) => f.path === script)!.conflicts).toBe(1);
    const text = read(out, script);
    expect(text).toContain('<<<<<<< yours\n    require("metric.f1_score", ">=", 0.72)  # we agreed on 0.72\n||||||| base\n');
    expect(text).toContain('=======\n    require("metric.f1_score", ">=", 0.75)\n>>>>>>> generated\n');
    expect(read(out, 'README.md')).toBe('# My own README\n');
    expect(read(out, 'src/credit_risk/config.py')).toContain('"tenure_months"');
    // Unresolved markers keep `--check` failing until the user resolves them.
    const again = planFor(out, evolved, synthFiles(evolved));
    expect(again.upToDate).toBe(false);
    expect(planLines(again)).toContain(`keep(unresolved-conflict) ${script}`);
  });

  it('deletes unedited files of a removed epoch and keeps (and reports) an edited one', () => {
    const out = fresh();
    mkdirSync(join(out, dir8, 'outputs'), { recursive: true });
    writeFileSync(join(out, dir8, 'outputs/report.md'), 'user output\n');
    writeFileSync(join(out, `${dir8}/scripts/run_epoch.py`), '# rewritten by hand\n');
    const without = variantIr(ir0, (ir) => {
      ir.epochs = ir.epochs.filter((e) => e.id !== '008');
    });
    const { plan } = compileTo(out, without, synthFiles(without));
    expect(planLines(plan)).toEqual([`delete ${dir8}/README.md`, `keep(orphan-edited) ${dir8}/scripts/run_epoch.py`]);
    expect(plan.removedEpochs).toEqual(['008']);
    expect(existsSync(join(out, `${dir8}/README.md`))).toBe(false);
    expect(read(out, `${dir8}/scripts/run_epoch.py`)).toBe('# rewritten by hand\n');
    expect(read(out, `${dir8}/outputs/report.md`)).toBe('user output\n');
    expect(existsSync(join(out, `.pipec/base/${dir8}/README.md`))).toBe(false);
    expect(planFor(out, without, synthFiles(without)).upToDate).toBe(true);
  });

  it('--force overwrites edits; a deleted generated file stays deleted until its content changes', () => {
    const out = fresh();
    writeFileSync(join(out, 'README.md'), 'mine\n');
    expect(compileTo(out, ir0, synthFiles(ir0), true).plan.files.find((f) => f.path === 'README.md')!.action).toBe('update');
    expect(read(out, 'README.md')).toBe(`# ${ir0.project.title}\n\n${ir0.project.objective}\n`);
    rmSync(join(out, `${dir3}/README.md`));
    expect(planLines(planFor(out, ir0, synthFiles(ir0)))).toEqual([`keep(deleted-by-you) ${dir3}/README.md`]);
  });
});

describe('safety', () => {
  it('refuses paths outside --out and symlinked folders leading outside', () => {
    const out = tmpDir();
    expect(() => planFor(out, ir0, [{ path: '../escape.txt', contents: 'x', sources: [] }])).toThrow(/"\.\." segment/);
    expect(() => planFor(out, ir0, [{ path: '/etc/x', contents: 'x', sources: [] }])).toThrow(/absolute/);
    const outside = tmpDir();
    symlinkSync(outside, join(out, 'src'));
    let err: unknown;
    try {
      planFor(out, ir0, synthFiles(ir0));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(OutputFolderError);
    expect((err as OutputFolderError).code).toBe('PC9501');
  });

  it('reports a corrupt manifest as PC9502 instead of guessing', () => {
    const out = fresh();
    writeFileSync(join(out, '.pipec/manifest.json'), '{"manifestVersion": 99}');
    expect(() => planFor(out, ir0, synthFiles(ir0))).toThrow(expect.objectContaining({ code: 'PC9502' }));
  });
});


describe('transactions', () => {
  it('refuses a second writer while the first is alive (PC9503)', () => {
    const out = fresh();
    const other = spawn('sleep', ['30']);
    try {
      mkdirSync(join(out, TXN_DIR));
      writeFileSync(join(out, TXN_DIR, 'owner.pid'), String(other.pid));
      expect(() => compileTo(out, evolved, synthFiles(evolved))).toThrow(expect.objectContaining({ code: 'PC9503' }));
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('rolls a committed transaction forward, stale marking included, after a crash in the middle', () => {
    const out = fresh();
    const plan = planFor(out, evolved, synthFiles(evolved));
    // A hook that dies like a killed process would: after the files moved, before the folder is gone.
    expect(() => applyPlan(plan, { markStale: () => { throw new Error('simulated crash'); } })).toThrow('simulated crash');
    expect(existsSync(join(out, TXN_DIR, 'journal.json'))).toBe(true);
    const seen: string[][] = [];
    expect(recoverOutput(out, { markStale: (ids) => seen.push(ids) })).toBe('rolled-forward');
    expect(seen).toEqual([plan.stale]);
    expect(existsSync(join(out, TXN_DIR))).toBe(false);
    expect(planFor(out, evolved, synthFiles(evolved)).upToDate).toBe(true);
  });
});
