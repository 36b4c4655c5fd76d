/**
 * src/ir/cache-keys.ts on IR mutations: changing one epoch's section (or its generated files, or an IR
 * section its files read) changes that epoch's cache_version and its downstream ones, and no other.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { downstreamOf } from '../../src/ir/dag.js';
import { epochCacheKeys } from '../../src/ir/cache-keys.js';
import { IrSchema, type Ir } from '../../src/ir/schema.js';
import type { OutputFile } from '../../src/emit/types.js';
import { REPO } from './helpers.js';

const base = (): Ir => IrSchema.parse(JSON.parse(readFileSync(join(REPO, 'test/fixtures/credit-risk.ir.json'), 'utf8')));

/** A generated tree in miniature: one script per epoch; 002's also reads the data section. */
function files(ir: Ir): OutputFile[] {
  return [
    ...ir.epochs.map((e) => ({
      path: `${e.dir}/scripts/run_epoch.py`,
      contents: `# epoch ${e.id}\n`,
      sources: e.id === '002' ? [`epochs.${e.id}`, 'data'] : [`epochs.${e.id}`],
    })),
    { path: 'src/credit_risk/config.py', contents: 'X = 1\n', sources: ['limits', 'data'] },
    { path: 'flows/credit_risk_flow.py', contents: 'cache versions live here\n', sources: ['domino', 'epochs.001'] },
  ];
}

/** Ids whose key differs between two key maps. */
const changed = (a: Record<string, string>, b: Record<string, string>) => Object.keys(a).filter((k) => a[k] !== b[k]).sort();

describe('epoch cache keys', () => {
  const ir0 = base();
  const k0 = epochCacheKeys(ir0, files(ir0));

  it('are 64-hex, distinct per epoch and deterministic', () => {
    expect(Object.keys(k0)).toEqual(ir0.epochs.map((e) => e.id));
    for (const k of Object.values(k0)) expect(k).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(Object.values(k0)).size).toBe(ir0.epochs.length);
    expect(epochCacheKeys(base(), files(base()))).toEqual(k0);
  });

  for (const id of ['001', '003', '004', '006', '008']) {
    it(`changing epoch ${id}'s section changes ${id} and its downstream epochs only`, () => {
      const ir = base();
      const e = ir.epochs.find((x) => x.id === id);
      if (!e) throw new Error(id);
      e.estimate.minutes += 1;
      expect(changed(k0, epochCacheKeys(ir, files(ir)))).toEqual([id, ...downstreamOf(ir, [id])].sort());
    });
  }

  it("changing an epoch's generated file changes it and its downstream epochs only", () => {
    const ir = base();
    const f = files(ir).map((x) => (x.path.startsWith('epoch005-') ? { ...x, contents: '# edited\n' } : x));
    expect(changed(k0, epochCacheKeys(ir, f))).toEqual(['005', '006', '007', '008']);
  });

  it('a section read by an epoch file (data, for 002) changes 002 and downstream, not 001', () => {
    const ir = base();
    if (ir.data.kind !== 'synthetic') throw new Error('fixture is synthetic');
    ir.data.seed += 1;
    expect(changed(k0, epochCacheKeys(ir, files(ir)))).toEqual(['002', ...downstreamOf(ir, ['002'])].sort());
  });

  it('sections no epoch file names, and flows/ files, never change keys', () => {
    const ir = base();
    ir.risks = [];
    ir.domino.tiers = { ...ir.domino.tiers, huge: 'Huge' };
    const f = files(ir).map((x) => (x.path.startsWith('flows/') ? { ...x, contents: 'other keys\n' } : x));
    expect(changed(k0, epochCacheKeys(ir, f))).toEqual([]);
  });
});

describe('epoch cache keys over the real generated project', () => {
  it("changing one epoch's section changes that epoch and its downstream keys only, and the flow embeds them", async () => {
    const { emitProject } = await import('../../src/emit/index.js');
    const { loadAssets } = await import('../../src/cli/load-assets.js');
    const assets = await loadAssets();
    const keysOf = (ir: Ir) => {
      const emitted = emitProject(ir, assets);
      return { keys: epochCacheKeys(ir, emitted), flow: emitted.find((f) => f.path === 'flows/credit_risk_flow.py')!.contents };
    };
    const { keys: k, flow } = keysOf(base());
    for (const [id, key] of Object.entries(k)) {
      expect(flow).toContain(`"${id}": {"task": `);
      expect(flow).toContain(`"cache_version": "${key}"`);
    }
    for (const id of ['003', '005', '007']) {
      const ir = base();
      const e = ir.epochs.find((x) => x.id === id)!;
      e.estimate.minutes += 7;
      e.retries += 1;
      expect(changed(k, keysOf(ir).keys)).toEqual([id, ...downstreamOf(ir, [id])].sort());
    }
  }, 120_000);
});
