import { describe, expect, it } from 'vitest';
import { emitProject } from '../../src/emit/index.js';
import type { Part } from '../../src/emit/parts.js';
import { makeFile } from '../../src/emit/files.js';
import {
  describeRun, fixtureIr, generateProject, hasPython, partsNamed, runPythonAsync, testAssets, variantIr,
} from '../helpers/generate-project.js';

describe('emitProject', () => {
  it('is deterministic, sorted, normalised and path-safe', async () => {
    const assets = await testAssets();
    const a = emitProject(fixtureIr(), assets);
    const b = emitProject(fixtureIr(), assets);
    expect(a).toEqual(b);
    const paths = a.map((f) => f.path);
    expect(paths).toEqual([...paths].sort());
    for (const f of a) {
      expect(f.contents.endsWith('\n'), f.path).toBe(true);
      expect(f.contents.includes('\r'), f.path).toBe(false);
      expect(f.path.startsWith('/') || f.path.split('/').includes('..'), f.path).toBe(false);
    }
    expect(paths).toContain('.pipec/ir.json');
    expect(paths).toContain('epoch002-data-wrangling/scripts/run_epoch.py');
    expect(paths).toContain('src/credit_risk/config.py');
  });

  it('rejects two parts writing the same path', async () => {
    const part = (name: string): Part => ({ name, emit: () => [makeFile('same.txt', 'x', [])] });
    const assets = await testAssets();
    expect(() => emitProject(fixtureIr(), assets, [part('a'), part('b')])).toThrow(
      'emit: same.txt is written by both a and b',
    );
  });

  it('skips epochs the lifecycle does not have', async () => {
    const ir = fixtureIr();
    ir.epochs = ir.epochs.filter((e) => e.id !== '003');
    const paths = emitProject(ir, await testAssets()).map((f) => f.path);
    expect(paths.some((p) => p.startsWith('epoch003'))).toBe(false);
    expect(paths.some((p) => p.startsWith('epoch004'))).toBe(true);
  });
});

describe('custom epochs', () => {
  it.runIf(hasPython())('get a scaffold that compiles and stops with a clear error until implemented', async () => {
    const ir = variantIr(fixtureIr(), (x) => {
      x.epochs.splice(4, 0, {
        ...structuredClone(x.epochs[3]!),
        id: '009', name: 'label_audit', title: 'Label "audit"', dir: 'epoch009-label-audit', after: ['004'],
        custom: true, review: null, gate: [], produces: [{ name: 'audit.done', unit: 'bool', description: 'done' }],
      });
    });
    const p = await generateProject(ir, undefined, partsNamed('project', 'runtime', 'package', 'epoch00', 'epochs.custom'));
    expect(p.files.map((f) => f.path)).toContain('epoch009-label-audit/scripts/run_epoch.py');
    // Only the scaffold emits a custom epoch, even with a lifecycle number.
    const reuse = variantIr(fixtureIr(), (x) => {
      x.epochs[1]!.custom = true;
    });
    const files = emitProject(reuse, await testAssets(), partsNamed('epoch002', 'epochs.custom'));
    expect(files.find((f) => f.path.endsWith('epoch002-data-wrangling/scripts/run_epoch.py'))!.contents).toContain('is a scaffold');
    const env = { PIPEC_APPROVE: 'all', PIPEC_MLFLOW: '0', PIPEC_ROWS: '500' };
    for (const id of ['001', '002', '003', '004']) {
      const dir = ir.epochs.find((e) => e.id === id)!.dir;
      const r = await runPythonAsync(p.dir, [`${dir}/scripts/run_epoch.py`], env);
      expect(r.status, describeRun(r)).toBe(0);
    }
    const r = await runPythonAsync(p.dir, ['epoch009-label-audit/scripts/run_epoch.py'], env);
    expect(r.status, describeRun(r)).toBe(1);
    expect(r.stderr).toContain('error[ValidationError]: epoch 009 is a scaffold: implement run() in epoch009-label-audit/scripts/run_epoch.py');
  }, 600_000);
});
