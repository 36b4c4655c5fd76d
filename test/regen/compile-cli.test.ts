/**
 * Acceptance scenarios of issue 6 on the credit-risk example, through the built CLI: hand edits
 * survive a spec change (new column, stricter gate), the plan lists exactly the files a clean compile
 * would change, `--check` tracks staleness, conflicts are marked and listed, output is deterministic.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupTmp, tmpDir, treeHashes } from './helpers.js';
import { buildCli, copyExample, evolveSpec, pipec, show } from './cli-helpers.js';

afterAll(() => cleanupTmp());

const SCRIPT = 'epoch002-data-wrangling/scripts/run_epoch.py';
const HELPER = '\n\ndef my_helper():\n    """Written by hand: must survive regeneration."""\n    return 42\n';

/** The EDA notebook of epoch 003 (path decided by the emitter). */
function edaNotebook(out: string): string {
  const dir = readdirSync(out).find((n) => n.startsWith('epoch003-'))!;
  const nb = readdirSync(join(out, dir, 'notebooks')).find((n) => n.endsWith('.ipynb'))!;
  return `${dir}/notebooks/${nb}`;
}

/** Files whose content differs between two trees (added, removed or changed), ignoring pipec's bookkeeping. */
function diffTrees(a: Record<string, string>, b: Record<string, string>): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  const bookkeeping = (k: string) => k === '.pipec/manifest.json' || k.startsWith('.pipec/base/') || k.startsWith('.pipec/cache/');
  return [...keys].filter((k) => !bookkeeping(k) && a[k] !== b[k]).sort();
}

beforeAll(() => buildCli());

describe('pipec compile on the credit-risk example', () => {
  it('is byte-identical across runs and --check tracks the spec', () => {
    const dir = tmpDir();
    const spec = copyExample(dir);
    const [a, b] = [join(dir, 'a'), join(dir, 'b')];
    expect(pipec(['compile', spec, '--out', a]).status).toBe(0);
    expect(pipec(['compile', spec, '--out', b]).status).toBe(0);
    expect(treeHashes(a)).toEqual(treeHashes(b));
    const again = pipec(['compile', spec, '--out', a]);
    expect(again.status, show(again)).toBe(0);
    expect(again.stdout).toContain('is up to date');
    expect(treeHashes(a)).toEqual(treeHashes(b));
    expect(pipec(['compile', spec, '--out', a, '--check']).status).toBe(0);
    evolveSpec(spec);
    const stale = pipec(['compile', spec, '--out', a, '--check']);
    expect(stale.status, show(stale)).toBe(1);
    expect(stale.stdout).toContain('pipec compile --check');
    expect(treeHashes(a)).toEqual(treeHashes(b)); // --check writes nothing
  });

  it('keeps hand edits to a script and the EDA notebook through a spec change, as planned', () => {
    const dir = tmpDir();
    const spec = copyExample(dir);
    const out = join(dir, 'out');
    expect(pipec(['compile', spec, '--out', out]).status).toBe(0);
    const before = treeHashes(out);
    writeFileSync(join(out, SCRIPT), readFileSync(join(out, SCRIPT), 'utf8') + HELPER);
    const nbPath = edaNotebook(out);
    const nb = JSON.parse(readFileSync(join(out, nbPath), 'utf8'));
    const cell = nb.cells.find((c: { cell_type: string }) => c.cell_type === 'markdown');
    cell.source = [...(Array.isArray(cell.source) ? cell.source : [cell.source]), '\n\n_Reviewed by hand._'];
    writeFileSync(join(out, nbPath), `${JSON.stringify(nb, null, 1)}\n`);

    // Pretend every epoch ran: compile then has something to mark stale (in pipec's run record).
    const statePath = join(out, '.context/pipeline_state.json');
    const state = JSON.parse(readFileSync(statePath, 'utf8'));
    for (const rec of Object.values(state.epochs as Record<string, { status: string }>)) rec.status = 'completed';
    writeFileSync(statePath, JSON.stringify(state));

    evolveSpec(spec);
    // What a clean compile of the new spec changes, computed independently of the writer.
    const reference = join(dir, 'reference');
    expect(pipec(['compile', spec, '--out', reference]).status).toBe(0);
    const changed = diffTrees(before, treeHashes(reference));
    expect(changed.length).toBeGreaterThan(0);

    const planRun = pipec(['plan', spec, '--out', out, '--format', 'json']);
    expect(planRun.status, show(planRun)).toBe(0);
    const plan = JSON.parse(planRun.stdout) as {
      files: { path: string; action: string; causes: string[] }[];
      epochs: { rerun: { id: string; reasons: string[] }[]; stale: string[] };
    };
    const planned = plan.files.filter((f) => f.action !== 'keep').map((f) => f.path).sort();
    expect(planned).toEqual(changed.filter((p) => p !== '.context/pipeline_state.json'));
    for (const f of plan.files.filter((x) => x.action !== 'keep')) expect(f.causes.length, f.path).toBeGreaterThan(0);
    const rerun = plan.epochs.rerun.map((r) => r.id);
    // The new column changes the data epoch onward; the tighter gate changes 005; all downstream rerun.
    for (const id of ['002', '003', '004', '005', '006', '007', '008']) expect(rerun).toContain(id);
    expect(plan.epochs.rerun.find((r) => r.id === '005')!.reasons.join(' ')).toMatch(/epochs\.005|upstream/);

    const run = pipec(['compile', spec, '--out', out]);
    expect(run.status, show(run)).toBe(0);
    expect(run.stdout).toContain(`Marked stale (rerun with \`pipec run ${out} --resume\`): ${rerun.join(', ')}`);
    // pipec marks them itself (no Python), with the plan's reasons; the runtime's state is left alone.
    const record = JSON.parse(readFileSync(join(out, '.context/pipec_record.json'), 'utf8')) as { epochs: Record<string, { stale: { reasons: string[] } | null }> };
    expect(Object.keys(record.epochs).sort()).toEqual([...rerun].sort());
    for (const id of rerun) expect(record.epochs[id]!.stale!.reasons.length, id).toBeGreaterThan(0);
    const after = JSON.parse(readFileSync(statePath, 'utf8')) as { epochs: Record<string, { status: string }> };
    for (const [id, rec] of Object.entries(after.epochs)) expect(rec.status, id).toBe('completed');
    const script = readFileSync(join(out, SCRIPT), 'utf8');
    expect(script).toContain('def my_helper():');
    expect(readFileSync(join(out, nbPath), 'utf8')).toContain('_Reviewed by hand._');
    JSON.parse(readFileSync(join(out, nbPath), 'utf8'));
    expect(readFileSync(join(out, '.pipec/ir.json'), 'utf8')).toContain('tenure_months');
    expect(readFileSync(join(out, '.context/gate_rules.json'), 'utf8')).toContain('0.72');
    // Every other file equals the clean compile of the new spec.
    const now = treeHashes(out);
    const ref = treeHashes(reference);
    // Run state (the runtime's state and lock, pipec's run record with its stale marks) is not generated output.
    const edited = [SCRIPT, nbPath, '.context/pipeline_state.json', '.context/pipeline_state.json.lock', '.context/pipec_record.json'];
    expect(diffTrees(now, ref).filter((p) => !edited.includes(p))).toEqual([]);
    expect(pipec(['compile', spec, '--out', out, '--check']).status).toBe(0);
  });

  it('writes conflict markers, lists the file and exits 1, losing nothing else', () => {
    const dir = tmpDir();
    const spec = copyExample(dir);
    const out = join(dir, 'out');
    expect(pipec(['compile', spec, '--out', out]).status).toBe(0);
    const rules = '.context/gate_rules.json';
    const original = readFileSync(join(out, rules), 'utf8');
    const lines = original.split('\n');
    const at = lines.findIndex((l) => /"value": 0\.7\b/.test(l));
    expect(at, 'gate_rules.json must hold the f1 threshold on its own line').toBeGreaterThan(-1);
    lines[at] = lines[at]!.replace('0.7', '0.71');
    writeFileSync(join(out, rules), lines.join('\n'));
    writeFileSync(join(out, SCRIPT), readFileSync(join(out, SCRIPT), 'utf8') + HELPER);
    evolveSpec(spec);
    const run = pipec(['compile', spec, '--out', out]);
    expect(run.status, show(run)).toBe(1);
    expect(run.stdout).toContain('PC9505');
    expect(run.stdout).toContain(rules);
    const merged = readFileSync(join(out, rules), 'utf8');
    const m = /<<<<<<< yours\n([\s\S]*?)\|\|\|\|\|\|\| base\n([\s\S]*?)=======\n([\s\S]*?)>>>>>>> generated\n/.exec(merged);
    expect(m, merged).not.toBeNull();
    expect(m![1]).toContain('"value": 0.71');
    expect(m![2]).toContain('"value": 0.7\n');
    expect(m![3]).toContain('"value": 0.72');
    expect(readFileSync(join(out, SCRIPT), 'utf8')).toContain('def my_helper():');
    const check = pipec(['compile', spec, '--out', out, '--check']);
    expect(check.status).toBe(1); // unresolved markers keep CI red
  });

  it('writes nothing for a spec with errors (exit 1) or a bad --set (exit 2, PC9506)', () => {
    const dir = tmpDir();
    const spec = copyExample(dir);
    const out = join(dir, 'out');
    const bad = pipec(['compile', spec, '--out', out, '--set', 'data.rowz=5']);
    expect(bad.status, show(bad)).toBe(2);
    expect(bad.stdout).toContain('PC9506');
    writeFileSync(spec, readFileSync(spec, 'utf8').replace('problem   classification', 'problem   classificatio'));
    const broken = pipec(['compile', spec, '--out', out]);
    expect(broken.status, show(broken)).toBe(1);
    expect(broken.stdout).toMatch(/error\[PC\d{4}\]/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('removing a user-defined epoch from the spec', () => {
  const EPOCH = [
    '',
    '  epoch 009 drift_watch {',
    '    after    007',
    '    tier     small',
    '    produces drift_checks: count',
    '    gate {',
    '      require drift_checks >= 1',
    '    }',
    '  }',
    '',
  ].join('\n');

  it('deletes its unedited files and keeps (and reports) the edited one', () => {
    const dir = tmpDir();
    const spec = copyExample(dir);
    const original = readFileSync(spec, 'utf8');
    writeFileSync(spec, original.replace(/\n}\s*$/, `${EPOCH}}\n`));
    const out = join(dir, 'out');
    const first = pipec(['compile', spec, '--out', out]);
    expect(first.status, show(first)).toBe(0);
    const epochDir = readdirSync(out).find((n) => n.startsWith('epoch009-'))!;
    expect(epochDir, 'the custom epoch has a folder').toBeDefined();
    const script = `${epochDir}/scripts/run_epoch.py`;
    const readme = `${epochDir}/README.md`;
    expect(existsSync(join(out, script)) && existsSync(join(out, readme))).toBe(true);
    writeFileSync(join(out, readme), `${readFileSync(join(out, readme), 'utf8')}\nNotes written by hand.\n`);

    writeFileSync(spec, original);
    const plan = pipec(['plan', spec, '--out', out]);
    expect(plan.stdout).toContain(script);
    const second = pipec(['compile', spec, '--out', out]);
    expect(second.status, show(second)).toBe(0);
    expect(existsSync(join(out, script)), 'unedited generated file is deleted').toBe(false);
    expect(readFileSync(join(out, readme), 'utf8')).toContain('Notes written by hand.');
    expect(second.stdout + second.stderr).toContain(readme);
  });
});
