/**
 * The keys `pipec run --resume` decides from (src/ir/cache-keys.ts, src/runner/resume-plan.ts) over the
 * real generated credit-risk project: documentation never enters a code key, a gate-only change moves
 * only that epoch's gate key (a re-check, not a rerun), a features change reruns 004 and downstream.
 * Plus the interpreter rule: a symlinked project `.venv` resolves to an absolute path that exists.
 */
import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitProject } from '../../src/emit/index.js';
import { epochKeySets } from '../../src/ir/cache-keys.js';
import type { Ir } from '../../src/ir/schema.js';
import { planSteps } from '../../src/runner/resume-plan.js';
import { resolvePython } from '../../src/runner/python.js';
import type { RunRecord } from '../../src/runner/record.js';
import { fixtureIr, REPO_ROOT, testAssets, variantIr } from '../helpers/generate-project.js';

const keysOf = async (ir: Ir) => epochKeySets(ir, emitProject(ir, await testAssets()));
const diff = (a: Record<string, { code: string; gate: string }>, b: typeof a, k: 'code' | 'gate') =>
  Object.keys(a).filter((id) => a[id]![k] !== b[id]![k]).sort();

describe('code and gate keys', () => {
  it('documentation files never enter a code key', async () => {
    const ir = fixtureIr();
    const files = emitProject(ir, await testAssets());
    const k0 = epochKeySets(ir, files);
    const edited = files.map((f) => (f.path.endsWith('.md') ? { ...f, contents: `${f.contents}\nmore words\n` } : f));
    expect(edited.filter((f) => f.path.startsWith('epoch005-') && f.path.endsWith('README.md'))).toHaveLength(1);
    expect(epochKeySets(ir, edited)).toEqual(k0);
  });

  it('a gate-only change moves that gate key only: a re-check, no code key changes', async () => {
    const k0 = await keysOf(fixtureIr());
    const stricter = variantIr(fixtureIr(), (x) => {
      const e = x.epochs.find((e) => e.id === '005')!;
      e.gate.push({ ...e.gate[0]!, id: '005:9', fact: 'metric.roc_auc', op: '>=', value: 0.99, unit: 'number', message: 'stricter' });
    });
    const k1 = await keysOf(stricter);
    expect(diff(k0, k1, 'code')).toEqual([]);
    expect(diff(k0, k1, 'gate')).toEqual(['005']);
    const record: RunRecord = { version: 1, epochs: Object.fromEntries(Object.entries(k0).map(([id, k]) => [id, { codeKey: k.code, gateKey: k.gate, stale: null, attempts: [] }])) };
    const state = { epochs: Object.fromEntries(stricter.epochs.map((e) => [e.id, { status: 'completed' as const }])), blockers: [], warnings: [] };
    const steps = planSteps({ ir: stricter, selected: stricter.epochs, state, record, keys: k1, resume: true });
    expect(steps.filter((s) => s.action !== 'skip').map((s) => `${s.epoch.id}:${s.action}`)).toEqual(['005:recheck-gate']);
  });

  it("a failed epoch resumes from its checkpoint only when its code is unchanged since that attempt", async () => {
    const ir = fixtureIr();
    const k0 = await keysOf(ir);
    const failedWith = (code: string): RunRecord => ({
      version: 1,
      epochs: {
        '005': {
          codeKey: null,
          gateKey: null,
          stale: null,
          attempts: [{ n: 1, cause: 'first run', detail: '', outcome: 'crashed', kind: 'run', resumedFromPercent: null, elapsedSeconds: 1, error: 'killed', codeKey: code }],
        },
      },
    });
    const state = { epochs: { '005': { status: 'failed' as const } }, blockers: [], warnings: [] };
    const step = (record: RunRecord) => planSteps({ ir, selected: ir.epochs.filter((e) => e.id === '005'), state, record, keys: k0, resume: true })[0]!;
    expect(step(failedWith(k0['005']!.code))).toMatchObject({ action: 'run', cause: 'retry after failure', resumeCheckpoint: true });
    expect(step(failedWith('0'.repeat(64)))).toMatchObject({ action: 'run', cause: 'spec change', resumeCheckpoint: false });
  });

  it('a features change reruns 004 and everything downstream, nothing upstream', async () => {
    const k0 = await keysOf(fixtureIr());
    const changed = variantIr(fixtureIr(), (x) => {
      x.features.split.seed += 1;
    });
    expect(diff(k0, await keysOf(changed), 'code')).toEqual(['004', '005', '006', '007', '008']);
  });
});

describe('the interpreter rule', () => {
  it('a symlinked project .venv resolves to an absolute interpreter inside it', () => {
    const root = mkdtempSync(join(tmpdir(), 'pipec-venv-'));
    mkdirSync(join(root, 'sub'));
    symlinkSync(join(REPO_ROOT, '.venv'), join(root, '.venv'));
    const saved = process.env.PIPEC_PYTHON;
    delete process.env.PIPEC_PYTHON;
    try {
      const choice = resolvePython(root);
      expect(choice.via).toBe('project .venv');
      expect(isAbsolute(choice.python)).toBe(true);
      expect(choice.python.endsWith(join('.venv', 'bin', 'python'))).toBe(true);
      expect(choice.python.startsWith(root)).toBe(false); // the link was followed
      expect(resolvePython(root, 'python3').via).toBe('--python');
      expect(() => resolvePython(root, './no-such-python')).toThrow(`the Python interpreter ./no-such-python (--python) does not exist`);
    } finally {
      if (saved !== undefined) process.env.PIPEC_PYTHON = saved;
    }
  });
});
