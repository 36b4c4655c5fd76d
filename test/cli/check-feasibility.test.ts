/** `pipec check` shows the feasibility block (pretty, json, sarif), fails unreachable gates, and `--deep` on file data. */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, ensureBuilt, runCli } from './helpers.js';
import { validateSarif } from './sarif-schema.js';
import { hasPython, PYTHON } from '../helpers/generate-project.js';

const EXAMPLE = 'examples/credit-risk/project.pipeline';

beforeAll(() => ensureBuilt());

describe('pipec check: feasibility', () => {
  it('pretty: the example gates are feasible, with the oracle values', () => {
    const r = runCli(['check', EXAMPLE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('feasibility: the generating formula itself, scored on 20,000 simulated rows');
    expect(r.stdout).toMatch(/gate 005:5 +metric\.roc_auc >= 0\.75 +feasible +best possible 0\.8\d+ ± 0\.0\d+/);
    expect(r.stdout).toMatch(/resources: data file about 2\.\d MB of max 50\.0 MB/);
    expect(runCli(['check', '--no-feasibility', EXAMPLE]).stdout).not.toContain('feasibility:');
  });

  it('json and sarif carry the block', () => {
    const json = JSON.parse(runCli(['check', '--format', 'json', EXAMPLE]).stdout);
    expect(json.feasibility).toHaveLength(1);
    expect(json.feasibility[0].file).toBe(EXAMPLE);
    const gates = json.feasibility[0].feasibility.gates as { fact: string; verdict: string }[];
    expect(gates.filter((g) => g.fact.startsWith('metric.')).map((g) => g.verdict)).toEqual(['feasible', 'feasible']);
    const sarif = JSON.parse(runCli(['check', '--format', 'sarif', EXAMPLE]).stdout);
    expect(validateSarif(sarif)).toEqual([]);
    expect(sarif.runs[0].properties.feasibility[0].feasibility.method).toBe('oracle');
  });

  it('pipec plan ends with the feasibility block (text and json)', () => {
    const out = mkdtempSync(join(tmpdir(), 'pipec-plan-feas-'));
    const text = runCli(['plan', 'examples/house-prices/project.pipeline', '--out', out]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/\nfeasibility: the generating formula itself[^\n]*\n(.*\n)*  gate 005:4 +metric\.r2_score >= 0\.8 +feasible +best possible 0\.9\d+ ± 0\.00\d+\n/);
    const json = JSON.parse(runCli(['plan', 'examples/house-prices/project.pipeline', '--out', out, '--format', 'json']).stdout);
    expect(json.feasibility.method).toBe('oracle');
  });

  it('an unreachable gate fails the check (exit 1) naming the oracle value', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pipec-feas-'));
    const spec = join(dir, 'p.pipeline');
    writeFileSync(spec, readFileSync(join(ROOT, EXAMPLE), 'utf8').replace('roc_auc >= 0.75', 'roc_auc >= 0.99'));
    const r = runCli(['check', spec]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/error\[PC5301\]: roc_auc >= 0\.99 is unreachable: the generating formula itself scores 0\.8\d+ ± 0\.0\d+ on 20,000 test rows/);
  });
});

describe.runIf(hasPython())('pipec check --deep (file data, real Python)', () => {
  it('fits quick baselines, warns on an unlikely gate, and answers from the cache the second time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pipec-deep-cli-'));
    copyFileSync(join(ROOT, 'examples/iris-species/data.csv'), join(dir, 'data.csv'));
    const text = readFileSync(join(ROOT, 'examples/iris-species/project.pipeline'), 'utf8')
      .replace(/\n}\s*$/, '\n  epoch 005 {\n    gate { require metric.roc_auc <= 0.5 }\n  }\n}\n');
    writeFileSync(join(dir, 'project.pipeline'), text);
    const env = { PIPEC_DEEP_CACHE_DIR: join(dir, 'cache') };
    const args = ['check', '--deep', '--python', PYTHON, '--format', 'json', join(dir, 'project.pipeline')];
    const first = runCli(args, { env });
    expect(first.stderr).toBe('');
    const report = JSON.parse(first.stdout);
    const deep = report.feasibility[0].deep;
    expect(deep.cached).toBe(false);
    expect(deep.result.rows).toBe(150);
    expect(deep.result.test_rows).toBe(30);
    expect(deep.result.metrics.accuracy.low).toBeGreaterThan(0.7);
    expect(report.diagnostics.map((d: { code: string }) => d.code)).toEqual(['PC5303']);
    expect(first.code).toBe(0);
    const second = JSON.parse(runCli(args, { env }).stdout);
    expect(second.feasibility[0].deep.cached).toBe(true);
    expect(second.feasibility[0].deep.result).toEqual(deep.result);
    const pretty = runCli(['check', '--deep', '--python', PYTHON, join(dir, 'project.pipeline')], { env });
    expect(pretty.stdout).toMatch(/deep: quick baselines .* on 150 of 150 rows, 5-fold CV, best \w+; cached/);
  });

  it('a missing data file is a PC9301 error, not a stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pipec-deep-missing-'));
    writeFileSync(join(dir, 'project.pipeline'), readFileSync(join(ROOT, 'examples/iris-species/project.pipeline'), 'utf8'));
    const r = runCli(['check', '--deep', '--python', PYTHON, join(dir, 'project.pipeline')], { env: { PIPEC_DEEP_CACHE_DIR: join(dir, 'cache') } });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/error\[PC9301\]: deep check could not run: data file "data.csv" not found/);
  });
});
