/** `--set key=value` IR overrides: existing paths only, JSON values, re-validated, PC9506 otherwise. */
import { describe, expect, it } from 'vitest';
import { applyOverrides } from '../../src/cli/actions/compile-set.js';
import { fixtureIr } from '../helpers/generate-project.js';

const ir = fixtureIr();

describe('applyOverrides', () => {
  it('sets numbers (with _ separators), strings and list items by id', () => {
    const r = applyOverrides(ir, ['data.rows=20_000', 'epochs.005.retries=2', 'project.title=Quick run: "demo"']);
    if (!('ir' in r)) throw new Error(JSON.stringify(r.diagnostics));
    expect(r.ir.data.kind === 'synthetic' && r.ir.data.rows).toBe(20000);
    expect(r.ir.epochs.find((e) => e.id === '005')!.retries).toBe(2);
    expect(r.ir.project.title).toBe('Quick run: "demo"');
    expect(ir.data.kind === 'synthetic' && ir.data.rows).not.toBe(20000); // the input IR is not mutated
  });

  it('reports unknown paths, missing "=", and values the IR schema rejects', () => {
    const unknown = applyOverrides(ir, ['data.rowz=1']);
    expect('diagnostics' in unknown && unknown.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['PC9506', '--set data.rowz=1: unknown IR path "data.rowz"'],
    ]);
    const noEq = applyOverrides(ir, ['data.rows']);
    expect('diagnostics' in noEq && noEq.diagnostics[0]!.message).toBe('--set data.rows: expected key=value');
    const invalid = applyOverrides(ir, ['data.rows=-5']);
    expect('diagnostics' in invalid && invalid.diagnostics[0]!.message).toMatch(/^--set data.rows=-5: the IR is no longer valid at data.rows: /);
  });
});
