/**
 * The flow target through the built CLI: a spec asking for something Domino Flows cannot do stops with
 * a PC8xxx diagnostic before any file is written; a good spec gets flows/ and `pipec graph` prints the
 * same DAG as the generated flow (one source of truth: src/ir/dag.ts).
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, hasStackTrace, runCli } from '../cli/helpers.js';
import { inspectFlow, REPO } from './helpers.js';

describe('pipec compile / graph with the Domino Flows target', () => {
  beforeAll(() => ensureBuilt(), 300_000);

  it('an invalid git ref is reported (PC8004) and nothing is written', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'pipec-flows-cli-'));
    const spec = readFileSync(join(REPO, 'examples/credit-risk/project.pipeline'), 'utf8')
      .replace('tier small  "Small"', 'git_ref "release 1.0"\n    tier small  "Small"');
    writeFileSync(join(tmp, 'project.pipeline'), spec);
    const out = join(tmp, 'out');
    const r = runCli(['compile', join(tmp, 'project.pipeline'), '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain('error[PC8004]: git_ref "release 1.0" is not a valid git ref');
    expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
    expect(existsSync(out)).toBe(false);
  });

  it('compiles credit-risk with flows/ whose DAG equals `pipec graph`', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'pipec-flows-cli-')), 'out');
    const r = runCli(['compile', join(REPO, 'examples/credit-risk/project.pipeline'), '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    for (const f of ['credit_risk_flow.py', 'credit_risk_flow_local.py', 'run_node.py', 'flow_io.json', 'README.md']) {
      expect(existsSync(join(out, 'flows', f))).toBe(true);
    }
    const flow = await inspectFlow(join(out, 'flows/credit_risk_flow.py'), 'absent');
    const flowEdges = Object.entries(flow.NODES as Record<string, { after: string[] }>)
      .flatMap(([to, n]) => n.after.map((from) => `${from}->${to}`))
      .sort();
    // Mermaid: `e002 --> e003`, and reviews drawn as `e003 --> r003 --> e004` (r003 stands for 003).
    const g = runCli(['graph', join(REPO, 'examples/credit-risk/project.pipeline')]);
    expect(g.code).toBe(0);
    const graphEdges = [...g.stdout.matchAll(/^\s+[er](\d{3}) --> e(\d{3})$/gm)].map((m) => `${m[1]}->${m[2]}`).sort();
    expect(graphEdges).toEqual(flowEdges);
    expect(readFileSync(join(out, 'flows/README.md'), 'utf8')).toContain(
      'pyflyte run --remote flows/credit_risk_flow.py credit_risk_flow --rows 100000 --approve 001,003,004,006,007',
    );
  });
});
