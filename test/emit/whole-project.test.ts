/**
 * The whole generated project (every registered part) for every example: deterministic, every `.py`
 * compiles, every notebook is valid, every JSON/YAML file parses, and adversarial spec strings land
 * exactly in Python, JSON and Markdown.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { emitProject } from '../../src/emit/index.js';
import { mdText } from '../../src/emit/escape.js';
import type { Ir } from '../../src/ir/schema.js';
import { ADVERSARIAL, ADVERSARIAL_TITLE } from '../helpers/adversarial.js';
import {
  REPO_ROOT, compileExample, describeRun, fixtureIr, generateProject, hasPython, runPythonAsync, testAssets, variantIr,
} from '../helpers/generate-project.js';
import { compileAllPython, validateNotebooks } from '../helpers/python-checks.js';

const EXAMPLES = readdirSync(join(REPO_ROOT, 'examples'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** The credit-risk IR with every free-text field replaced by adversarial text. */
function adversarialIr(): Ir {
  return variantIr(fixtureIr(), (ir) => {
    ir.project.title = ADVERSARIAL_TITLE;
    ir.project.objective = ADVERSARIAL.join(' / ');
    ir.domino.environment = ADVERSARIAL[0]!;
    ir.risks = ADVERSARIAL.slice(0, 7).map((t, i) => ({
      title: t, probability: 'high', impact: 'low', mitigation: ADVERSARIAL[(i + 1) % 7]!,
    }));
    if (ir.deploy.app) ir.deploy.app.title = ADVERSARIAL[3]!;
    ir.epochs[2]!.title = ADVERSARIAL[0]!;
    ir.epochs[2]!.review = { title: ADVERSARIAL[6]! };
    ir.epochs[1]!.gate[0]!.message = ADVERSARIAL[2]!;
  });
}

describe('whole generated project', () => {
  it('is byte-identical across runs for every example', async () => {
    const assets = await testAssets();
    for (const ex of EXAMPLES) {
      const ir = await compileExample(ex);
      const a = emitProject(ir, assets);
      const b = emitProject(structuredClone(ir), assets);
      expect(a, ex).toEqual(b);
      expect(a.map((f) => f.path)).toEqual(a.map((f) => f.path).sort());
      for (const f of a) expect(f.contents, f.path).not.toMatch(/\/work\/|\/tmp\/|\r/);
    }
  });

  describe.runIf(hasPython()).each(EXAMPLES)('example %s', (ex) => {
    let dir = '';
    beforeAll(async () => {
      dir = (await generateProject(await compileExample(ex))).dir;
    });

    it('every .py compiles, every notebook validates, every JSON/YAML parses', async () => {
      const c = await compileAllPython(dir);
      expect(c.status, describeRun(c)).toBe(0);
      const n = await validateNotebooks(dir);
      expect(n.status, describeRun(n)).toBe(0);
      const p = await runPythonAsync(dir, ['-c', PARSE_DATA_FILES]);
      expect(p.status, describeRun(p)).toBe(0);
    });
  });

  describe.runIf(hasPython())('adversarial strings', () => {
    let dir = '';
    const ir = adversarialIr();
    beforeAll(async () => {
      dir = (await generateProject(ir)).dir;
    });

    it('the project still compiles and parses everywhere', async () => {
      const c = await compileAllPython(dir);
      expect(c.status, describeRun(c)).toBe(0);
      const n = await validateNotebooks(dir);
      expect(n.status, describeRun(n)).toBe(0);
      const p = await runPythonAsync(dir, ['-c', PARSE_DATA_FILES]);
      expect(p.status, describeRun(p)).toBe(0);
    });

    it('lands exactly in Python config, the IR JSON and Markdown', async () => {
      const script = `
import json
from credit_risk import config
print(json.dumps({"title": config.PROJECT_TITLE, "objective": config.OBJECTIVE,
                  "risks": [[r["title"], r["mitigation"]] for r in config.RISKS]}))`;
      const r = await runPythonAsync(dir, ['-c', script]);
      expect(r.status, describeRun(r)).toBe(0);
      const got = JSON.parse(r.stdout) as { title: string; objective: string; risks: string[][] };
      const cp = (s: string) => [...s].map((c) => c.codePointAt(0));
      expect(cp(got.title)).toEqual(cp(ir.project.title));
      expect(cp(got.objective)).toEqual(cp(ir.project.objective));
      expect(got.risks.map((x) => x.map(cp))).toEqual(ir.risks.map((x) => [cp(x.title), cp(x.mitigation)]));
      const irJson = JSON.parse(readFileSync(join(dir, '.pipec', 'ir.json'), 'utf8')) as Ir;
      expect(irJson.project.title).toBe(ir.project.title);
      const readme = readFileSync(join(dir, 'README.md'), 'utf8');
      expect(readme.split('\n')[0]).toBe(`# ${mdText(ir.project.title)}`);
      const plan = JSON.parse(readFileSync(join(dir, ir.epochs[0]!.dir, 'risk_assessment.json'), 'utf8'));
      expect(plan.risks.map((x: { risk: string }) => x.risk)).toEqual(ir.risks.map((x) => x.title));
    });
  });
});

/** Parses every JSON and YAML file of the generated project. */
const PARSE_DATA_FILES = `
import json, pathlib, sys
bad = []
for p in sorted(pathlib.Path(".").rglob("*")):
    if p.suffix == ".json":
        try:
            json.loads(p.read_text(encoding="utf-8"))
        except Exception as e:
            bad.append(f"{p}: {e}")
    elif p.suffix in (".yaml", ".yml"):
        import yaml
        try:
            yaml.safe_load(p.read_text(encoding="utf-8"))
        except Exception as e:
            bad.append(f"{p}: {e}")
if bad:
    print("\\n".join(bad)); sys.exit(1)
`;

