/** src/ir/dag.ts: edges, topological order, cycles, upstream/downstream sets. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { downstreamOf, epochEdges, topoOrder, topoSort, upstreamOf } from '../../src/ir/dag.js';
import { IrSchema } from '../../src/ir/schema.js';
import { REPO } from './helpers.js';

const ir = IrSchema.parse(JSON.parse(readFileSync(join(REPO, 'test/fixtures/credit-risk.ir.json'), 'utf8')));
const g = (pairs: [string, string[]][]) => ({ epochs: pairs.map(([id, after]) => ({ id, after })) });

describe('epoch DAG helpers', () => {
  it('edges are exactly the after lists, sorted by (to, from), unknown ids dropped', () => {
    const dag = g([['003', ['002', '001', '001']], ['001', []], ['002', ['001', '999']]]);
    expect(epochEdges(dag)).toEqual([
      { from: '001', to: '002' },
      { from: '001', to: '003' },
      { from: '002', to: '003' },
    ]);
    const fromIr = epochEdges(ir);
    expect(fromIr.length).toBe(ir.epochs.reduce((n, e) => n + e.after.length, 0));
  });

  it('topological order breaks ties by id and equals the IR order of credit-risk', () => {
    expect(topoOrder(g([['010', []], ['002', ['010']], ['001', []]]))).toEqual(['001', '010', '002']);
    expect(topoOrder(ir)).toEqual(ir.epochs.map((e) => e.id));
  });

  it('a cycle is returned as evidence and topoOrder refuses it', () => {
    const dag = g([['001', []], ['002', ['001', '003']], ['003', ['002']], ['004', ['003']]]);
    const r = topoSort(dag);
    expect(r.order).toEqual(['001']);
    expect(r.cycle).toEqual(['002', '003', '002']);
    expect(() => topoOrder(dag)).toThrow('epoch DAG has a cycle: 002 -> 003 -> 002');
  });

  it('upstream and downstream sets are transitive and sorted', () => {
    expect(upstreamOf(ir, '004')).toEqual(['001', '002', '003']);
    expect(downstreamOf(ir, ['004'])).toEqual(['005', '006', '007', '008']);
    expect(downstreamOf(ir, ['008'])).toEqual([]);
    expect(downstreamOf(g([['001', []], ['002', ['001']], ['003', ['002']]]), ['001', '002'])).toEqual(['002', '003']);
  });
});
