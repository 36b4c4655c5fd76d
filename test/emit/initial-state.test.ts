/**
 * The initial `.context/pipeline_state.json` pipec writes is the document the runtime itself starts
 * from (`pipec_runtime.state.empty_state` + `empty_epoch` per epoch), plus the seed's
 * `epoch_<id>_complete` keys: the two sides once disagreed (a `checkpoint` key only TS wrote).
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { initialStateDocument } from '../../src/emit/project-files.js';
import { createEmitContext } from '../../src/emit/index.js';
import { PYTHON, REPO_ROOT, fixtureIr, hasPython, testAssets } from '../helpers/generate-project.js';
import { spawnSync } from 'node:child_process';

describe('initial pipeline state', () => {
  it.runIf(hasPython())('equals the runtime empty state with every epoch pending', async () => {
    const ir = fixtureIr('credit-risk');
    const doc = initialStateDocument(createEmitContext(ir, await testAssets())) as Record<string, unknown>;
    const script = 'import json,sys; from pipec_runtime.state import empty_state, empty_epoch; '
      + 's = empty_state(sys.argv[1]); s["epochs"] = {i: empty_epoch() for i in sys.argv[2:]}; print(json.dumps(s))';
    const r = spawnSync(PYTHON, ['-c', script, ir.project.name, ...ir.epochs.map((e) => e.id)], {
      encoding: 'utf8', env: { ...process.env, PYTHONPATH: join(REPO_ROOT, 'runtime', 'python') },
    });
    expect(r.status, r.stderr).toBe(0);
    const runtime = JSON.parse(r.stdout) as Record<string, unknown>;
    const compat = Object.fromEntries(ir.epochs.map((e) => [`epoch_${e.id}_complete`, false]));
    expect(doc).toEqual({ ...runtime, ...compat });
  });
});
