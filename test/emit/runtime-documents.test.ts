/**
 * The documents the compiler hands the runtime have one producer: `.context/gate_rules.json`
 * (gateRulesDocument, with every epoch's ancestors from ir/dag.ts) and the IR's limits (lowering, with
 * the catalogue's defaults). The real runtime reads them back unchanged and keeps no copy of its own:
 * no rebuild of the rules from the IR, no DAG walk, no default limits.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMIT_DEFAULTS, PLATFORM } from '../../src/catalogue/index.js';
import { upstreamOf } from '../../src/ir/dag.js';
import type { Ir } from '../../src/ir/schema.js';
import { PYTHON, REPO_ROOT, compileSpec, generateProject, hasPython, partsNamed } from '../helpers/generate-project.js';

const SPEC = `project p {
  problem classification
  target  y
  metric  f1_score
  use lifecycle.domino_standard
  data synthetic {
    rows 500
    column x float normal(0, 1)
    target y binary logistic(x)
  }
}
`;

/** Runs `code` with the repository's runtime on the path; its stdout as JSON. */
function runtime(code: string, root: string): unknown {
  const r = spawnSync(PYTHON, ['-c', code, root], {
    encoding: 'utf8', env: { ...process.env, PYTHONPATH: join(REPO_ROOT, 'runtime', 'python') },
  });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe.runIf(hasPython())('documents the runtime reads', () => {
  it('gate_rules.json: the runtime reads the compiled rules and ancestors as they are', async () => {
    const ir = await compileSpec(join(mkdtempSync(join(tmpdir(), 'pipec-rules-')), 'project.pipeline'), SPEC);
    const { dir } = await generateProject(ir, undefined, partsNamed('project'));
    const read = runtime('import json,sys,dataclasses; from pathlib import Path; from pipec_runtime import config; '
      + 'print(json.dumps({k: dataclasses.asdict(v) for k, v in config.load_gate_rules(Path(sys.argv[1])).items()}))', dir);
    const expected = Object.fromEntries(ir.epochs.map((e) => [e.id, {
      epoch: e.id, after: e.after, ancestors: upstreamOf(ir, e.id), produces: e.produces, gate: e.gate, review: e.review,
    }]));
    expect(read).toEqual(JSON.parse(JSON.stringify(expected)));
    expect((read as Record<string, { ancestors: string[] }>)['005']?.ancestors).toEqual(['001', '002', '003', '004']);
  });

  it("limits: a spec without limits gets the catalogue's defaults, and the runtime uses exactly those", async () => {
    const ir: Ir = await compileSpec(join(mkdtempSync(join(tmpdir(), 'pipec-limits-')), 'project.pipeline'), SPEC);
    const catalogue = {
      maxFileSizeBytes: PLATFORM.maxFileSizeBytes, maxMemoryBytes: PLATFORM.maxMemoryBytes, chunkRows: LIMIT_DEFAULTS.chunkRows,
      checkpoint: { everyPercent: LIMIT_DEFAULTS.checkpointEveryPercent, everySeconds: LIMIT_DEFAULTS.checkpointEverySeconds },
    };
    expect(ir.limits).toEqual(catalogue);
    const root = mkdtempSync(join(tmpdir(), 'pipec-limits-'));
    mkdirSync(join(root, '.pipec'));
    writeFileSync(join(root, '.pipec', 'ir.json'), JSON.stringify(ir));
    const code = 'import json,sys,os; from pathlib import Path; from pipec_runtime import config; '
      + '[os.environ.pop(k) for k in list(os.environ) if k.startswith("PIPEC_")]; '
      + 'print(json.dumps(config.limits_of(config.load_ir(Path(sys.argv[1])))))';
    expect(runtime(code, root)).toEqual(catalogue);
    // No fallback: an IR without limits is refused, not silently given a second copy of the defaults.
    writeFileSync(join(root, '.pipec', 'ir.json'), JSON.stringify({ ...ir, limits: { chunkRows: 5 } }));
    const r = spawnSync(PYTHON, ['-c', code, root], { encoding: 'utf8', env: { ...process.env, PYTHONPATH: join(REPO_ROOT, 'runtime', 'python') } });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('the IR has no limits maxFileSizeBytes, maxMemoryBytes, checkpoint: regenerate the project with `pipec compile`');
  });
});
