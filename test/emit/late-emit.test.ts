/**
 * The late-epoch emitters (005-008 and the model/serving/monitoring/app package modules) without running
 * the pipeline: golden files for a few small outputs (UPDATE_GOLDEN=1 rewrites them), determinism,
 * adversarial spec strings landing exactly in Python/CSS/Markdown/JSON, and a regression-shaped IR.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expectGolden } from '../helpers/golden.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { mdText } from '../../src/emit/escape.js';
import { emitProject } from '../../src/emit/index.js';
import { PARTS } from '../../src/emit/parts.js';
import type { OutputFile } from '../../src/emit/types.js';
import type { EmitAssets } from '../../src/emit/assets.js';
import type { Ir } from '../../src/ir/schema.js';
import { fixtureIr, hasPython, PYTHON, REPO_ROOT, testAssets, variantIr } from '../helpers/generate-project.js';

/** The parts this file covers, plus the core package (config.py is imported by every late module). */
const LATE_PARTS = PARTS.filter((p) => /^(epoch00[5-8]|package\.(core|model_utils|serving|monitoring|app_utils))$/.test(p.name));
const GOLDEN_DIR = join(REPO_ROOT, 'test', 'emit', 'late-golden');
const NASTY = 'Risk "model" \'\'\' """ {{title}} </script> \\ back\\slash\nline two \u00e9\u00e8 \u4e2d\u6587 \u{1F600} ${x} `code`';

let assets: EmitAssets;
const emitLate = (ir: Ir): OutputFile[] => emitProject(ir, assets, LATE_PARTS);
const byPath = (files: OutputFile[], suffix: string): OutputFile => {
  const f = files.find((x) => x.path.endsWith(suffix));
  if (!f) throw new Error(`no generated file ends with ${suffix}`);
  return f;
};

function golden(name: string, actual: string): void {
  expectGolden(join(GOLDEN_DIR, name), actual);
}

function writeAll(files: OutputFile[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'pipec-late-emit-'));
  for (const f of files) {
    const p = join(dir, f.path);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, f.contents);
  }
  return dir;
}

beforeAll(async () => {
  assets = await testAssets();
});

describe('late epoch emitters', () => {
  it('emit every late epoch file and package module for the credit-risk IR', () => {
    const paths = emitLate(fixtureIr()).map((f) => f.path);
    for (const p of [
      'epoch005-model-development/scripts/run_epoch.py',
      'epoch005-model-development/notebooks/model_development.ipynb',
      'epoch006-model-testing/scripts/run_epoch.py',
      'epoch007-application-development/app/app.py',
      'epoch007-application-development/app/style.css',
      'epoch007-application-development/app/app.sh',
      'epoch007-application-development/scripts/model_api.py',
      'epoch008-retrospective/scripts/run_epoch.py',
      'src/credit_risk/model_utils.py',
      'src/credit_risk/serving.py',
      'src/credit_risk/monitoring.py',
      'src/credit_risk/app_utils.py',
      'src/credit_risk/streamlit_components.py',
      'src/credit_risk/retrospective.py',
      'src/credit_risk/tests/test_serving.py',
    ]) {
      expect(paths).toContain(p);
    }
    expect(emitLate(fixtureIr()).find((f) => f.path.endsWith('app/app.sh'))?.executable).toBe(true);
  });

  it('match the golden files', () => {
    const files = emitLate(fixtureIr());
    golden('app.sh', byPath(files, 'app/app.sh').contents);
    golden('style.css', byPath(files, 'app/style.css').contents);
    golden('epoch005-requirements.txt', byPath(files, 'epoch005-model-development/requirements.txt').contents);
    golden('epoch007-requirements.txt', byPath(files, 'epoch007-application-development/requirements.txt').contents);
  });

  it('are deterministic: same IR, byte-identical files in path order', () => {
    const a = emitLate(fixtureIr());
    const b = emitLate(fixtureIr());
    expect(b).toEqual(a);
    expect(a.map((f) => f.path)).toEqual([...a.map((f) => f.path)].sort());
  });

  it('carry the seed palette and the app conventions', () => {
    const files = emitLate(fixtureIr());
    const css = byPath(files, 'app/style.css').contents;
    for (const colour of ['#BAD2DE', '#CBE2DA', '#E5F0EC']) expect(css).toContain(colour);
    expect(byPath(files, 'app/app.sh').contents).toContain('streamlit run app.py --server.port=8888 --server.address=0.0.0.0');
    const app = byPath(files, 'app/app.py').contents;
    expect(app).toContain('@st.cache_resource');
    expect(app).toContain('@st.cache_data');
  });

  it('without a deploy section: default route, no promotion', () => {
    const ir = variantIr(fixtureIr(), (v) => {
      v.deploy = { api: null, app: null, promote: null };
    });
    const script = byPath(emitLate(ir), 'epoch007-application-development/scripts/run_epoch.py').contents;
    expect(script).toContain('API_ROUTE = "/predict"');
    expect(script).toContain('PROMOTE_ALIAS = None');
  });
});

describe.skipIf(!hasPython())('adversarial spec strings', () => {
  const ir = (): Ir =>
    variantIr(fixtureIr(), (v) => {
      v.project.title = NASTY;
      v.project.objective = `${NASTY} objective`;
      if (v.deploy.app) v.deploy.app.title = `${NASTY} app`;
      for (const e of v.epochs) e.title = `${NASTY} ${e.id}`;
      for (const r of v.risks) r.mitigation = NASTY;
    });

  it('land exactly in Python (app title), CSS, Markdown and notebooks, and the Python parses', () => {
    const files = emitLate(ir());
    const dir = writeAll(files);
    const pyFiles = files.filter((f) => f.path.endsWith('.py')).map((f) => f.path);
    const script = [
      'import ast, json, sys',
      'for p in sys.argv[1:]:',
      '    compile(open(p, encoding="utf-8").read(), p, "exec")',
      'tree = ast.parse(open("epoch007-application-development/app/app.py", encoding="utf-8").read())',
      'title = next(ast.literal_eval(n.value) for n in tree.body if isinstance(n, ast.Assign) and n.targets[0].id == "APP_TITLE")',
      'print(json.dumps({"title": title}))',
    ].join('\n');
    const r = spawnSync(PYTHON, ['-c', script, ...pyFiles], { cwd: dir, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).title).toBe(`${NASTY} app`);

    const css = byPath(files, 'app/style.css').contents;
    // The title is shown by the app (a footer caption), never placed in the style sheet.
    expect(css).not.toContain('content:');
    expect(css).not.toContain('</script>');

    const nb = JSON.parse(byPath(files, 'model_development.ipynb').contents);
    expect(nb.cells[0].source.join('')).toContain(mdText(NASTY));
  });
});

describe.skipIf(!hasPython())('a regression-shaped IR', () => {
  it('compiles to parsing Python with regression metrics and regression baselines', () => {
    const ir = variantIr(fixtureIr(), (v) => {
      v.project.problem = 'regression';
      v.project.metric = 'rmse';
      v.project.metrics = ['mse', 'rmse', 'mae', 'r2_score', 'mape'];
      v.data.target = { name: 'price', kind: 'float', generator: null };
      v.models.baselines = [
        { id: 'sklearn.linear_regression', framework: 'sklearn', optional: false },
        { id: 'statsmodels.ols', framework: 'statsmodels', optional: false },
        { id: 'lightgbm', framework: 'lightgbm', optional: false },
        { id: 'tensorflow.mlp', framework: 'tensorflow', optional: true },
      ];
      for (const e of v.epochs) e.gate = e.gate.filter((g) => !g.fact.startsWith('metric.'));
    });
    const files = emitLate(ir);
    const dir = writeAll(files);
    const pyFiles = files.filter((f) => f.path.endsWith('.py')).map((f) => f.path);
    const r = spawnSync(PYTHON, ['-m', 'py_compile', ...pyFiles], { cwd: dir, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(byPath(files, `src/${ir.project.name}/config.py`).contents).toContain('PROBLEM = "regression"');
  });
});
