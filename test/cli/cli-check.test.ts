/** `pipec check`, `inspect` and `graph` through the built CLI, on the example and on broken specs. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { IrSchema } from '../../src/ir/schema.js';
import { CODES } from '../../src/diagnostics/codes.js';
import { ROOT, ensureBuilt, expectGolden, hasStackTrace, runCli } from './helpers.js';
import { validateSarif } from './sarif-schema.js';

const EXAMPLE = 'examples/credit-risk/project.pipeline';
const SEVERAL = 'test/cli/specs/several-errors.pipeline';
const SYNTAX = 'test/cli/specs/syntax-error.pipeline';

beforeAll(() => ensureBuilt());

describe('pipec check', () => {
  it('exits 0 on the example (it may warn, it never errs)', () => {
    const r = runCli(['check', EXAMPLE]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(/^error/m);
  });

  it('reports every error of a broken spec with exit 1 (pretty golden)', () => {
    const r = runCli(['check', SEVERAL]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(hasStackTrace(r.stdout)).toBe(false);
    expect(r.stdout).not.toMatch(/\u001b\[/);
    expect(r.stdout.match(/^error\[PC\d{4}\]/gm)?.length ?? 0).toBeGreaterThanOrEqual(3);
    expect(r.stdout).toMatch(/\nerror: \d+ errors?(, \d+ warnings?)?\n$/);
    expectGolden('check-several.txt', r.stdout);
  });

  it('reports syntax errors as diagnostics with exit 1', () => {
    const r = runCli(['check', SYNTAX]);
    expect(r.code).toBe(1);
    expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
    expect(r.stdout).toMatch(/^error\[PC0\d{3}\]/m);
    expectGolden('check-syntax.txt', r.stdout);
  });

  it('colours only when asked: FORCE_COLOR forces, --no-color wins', () => {
    expect(runCli(['check', SEVERAL], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout).toMatch(/\u001b\[31m/);
    expect(runCli(['check', '--no-color', SEVERAL], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout).not.toMatch(/\u001b\[/);
  });

  it('json: documented shape, registered codes, summary agrees', () => {
    const r = runCli(['check', '--format', 'json', SEVERAL, EXAMPLE]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.version).toBe(1);
    expect(report.summary.files).toBe(2);
    expect(report.summary.errors).toBe(report.diagnostics.filter((d: { severity: string }) => d.severity === 'error').length);
    for (const d of report.diagnostics) {
      expect(CODES.has(d.code)).toBe(true);
      expect([SEVERAL, EXAMPLE]).toContain(d.file);
    }
    expectGolden('check-several.json', r.stdout);
  });

  it('github and sarif formats', () => {
    const gh = runCli(['check', '--format', 'github', SEVERAL]);
    expect(gh.code).toBe(1);
    for (const line of gh.stdout.trim().split('\n')) expect(line).toMatch(/^::(error|warning|notice) file=[^,]+,line=\d+.*,title=PC\d{4}::/);
    expectGolden('check-several.github.txt', gh.stdout);
    const sarif = runCli(['check', '--format', 'sarif', SEVERAL]);
    expect(sarif.code).toBe(1);
    const log = JSON.parse(sarif.stdout);
    expect(validateSarif(log)).toEqual([]);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results.length).toBeGreaterThanOrEqual(3);
  });

  it('is deterministic and path-independent: same output twice, file shown as given', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pipec-cli-'));
    copyFileSync(SEVERAL, join(dir, 'spec.pipeline'));
    const a = runCli(['check', '--format', 'json', 'spec.pipeline'], { cwd: dir });
    const b = runCli(['check', '--format', 'json', 'spec.pipeline'], { cwd: dir });
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).not.toContain(dir);
    expect(a.stdout).not.toContain(process.cwd());
  });

  it('warnings alone exit 0', () => {
    // The example is marked for production without pinned settings: warnings, no errors.
    const r = runCli(['check', '--format', 'json', EXAMPLE]);
    const { summary } = JSON.parse(r.stdout);
    expect(summary.errors).toBe(0);
    expect(summary.warnings).toBeGreaterThan(0);
    expect(r.code).toBe(0);
    expect(runCli(['check', EXAMPLE]).stdout).toMatch(/\nwarning: \d+ warnings?\n$/);
  });

  it('`format csv` in the data block is the format of a file whose name does not say it (a .txt export)', () => {
    // Real-shaped: a customers export saved as .txt; the block's `format csv` must override the
    // extension (PC3013's own hint says to add it), and the data checks then read the file as CSV.
    const dir = mkdtempSync(join(tmpdir(), 'pipec-format-'));
    copyFileSync(join(ROOT, 'test/diagnostics/cases/data/customers.csv'), join(dir, 'customers_export.txt'));
    writeFileSync(join(dir, 'project.pipeline'), 'project export {\n  problem classification\n  target churned\n' +
      '  use lifecycle.domino_standard\n  data file "customers_export.txt" {\n    format csv\n' +
      '    column merchnt category\n    target churned binary\n  }\n}\n');
    const r = runCli(['check', '--format', 'json', join(dir, 'project.pipeline')]);
    const codes = (JSON.parse(r.stdout).diagnostics as { code: string }[]).map((d) => d.code);
    expect(codes).not.toContain('PC3013');
    expect(codes).toContain('PC3103'); // `merchnt` is not in the file: the file was read as CSV
    expect(r.code).toBe(1);
  });

  it('an internal error says so, exits 2, and shows a stack only with PIPEC_DEBUG=1', () => {
    // A copy of the bundle without its stdlib/ is a broken installation: pipec's fault, not the user's.
    const dir = mkdtempSync(join(tmpdir(), 'pipec-broken-'));
    cpSync(join(ROOT, 'bin'), join(dir, 'bin'), { recursive: true });
    cpSync(join(ROOT, 'dist'), join(dir, 'dist'), { recursive: true });
    const spec = join(ROOT, EXAMPLE);
    const plain = spawnSync(process.execPath, [join(dir, 'bin/pipec.js'), 'check', spec], { encoding: 'utf8', env: { ...process.env, PIPEC_DEBUG: '' } });
    expect(plain.status).toBe(2);
    expect(plain.stderr).toMatch(/^internal error: cannot find the pipec package root/);
    expect(plain.stderr).toContain('PIPEC_DEBUG=1');
    expect(hasStackTrace(plain.stderr)).toBe(false);
    const debug = spawnSync(process.execPath, [join(dir, 'bin/pipec.js'), 'check', spec], { encoding: 'utf8', env: { ...process.env, PIPEC_DEBUG: '1' } });
    expect(debug.status).toBe(2);
    expect(hasStackTrace(debug.stderr)).toBe(true);
  });
});

describe('start-up cost', () => {
  // An ESM resolve hook that refuses ts-morph: if the check path ever imports it, check crashes.
  const hook = `data:text/javascript,${encodeURIComponent(
    `import { register } from 'node:module';
     register('data:text/javascript,' + encodeURIComponent("export async function resolve(s, c, next) { if (s === 'ts-morph' || s.includes('/ts-morph/')) throw new Error('ts-morph loaded'); return next(s, c); }"));`,
  )}`;

  it('never loads ts-morph on the check path', () => {
    const probe = spawnSync(process.execPath, ['--import', hook, '--input-type=module', '-e', "await import('ts-morph')"], { cwd: ROOT, encoding: 'utf8' });
    expect(probe.status, 'the hook itself must catch a ts-morph import').not.toBe(0);
    expect(probe.stderr).toContain('ts-morph loaded');
    const r = spawnSync(process.execPath, ['--import', hook, join(ROOT, 'bin/pipec.js'), 'check', EXAMPLE], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('pipec inspect', () => {
  it('prints a valid IR as JSON and the same IR as YAML', () => {
    const json = runCli(['inspect', EXAMPLE]);
    expect(json.code).toBe(0);
    const ir = IrSchema.parse(JSON.parse(json.stdout));
    expect(ir.project.name).toBe('credit_risk');
    const yaml = runCli(['inspect', '--format', 'yaml', EXAMPLE]);
    expect(yaml.code).toBe(0);
    expect(parseYaml(yaml.stdout)).toEqual(JSON.parse(json.stdout));
    expect(yaml.stdout).not.toMatch(/[&*]a\d+/); // no YAML anchors/aliases
  });

  it('prints diagnostics on stderr and no IR for a broken spec', () => {
    const r = runCli(['inspect', SEVERAL]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error\[PC\d{4}\]/m);
  });
});

describe('pipec graph', () => {
  it('mermaid and dot outputs are golden and stable', () => {
    const m = runCli(['graph', EXAMPLE]);
    expect(m.code).toBe(0);
    expectGolden('graph-credit-risk.mmd', m.stdout);
    const d = runCli(['graph', '--format', 'dot', EXAMPLE]);
    expect(d.code).toBe(0);
    expectGolden('graph-credit-risk.dot', d.stdout);
    expect(runCli(['graph', EXAMPLE]).stdout).toBe(m.stdout);
  });

  it('escapes labels for each language', () => {
    const spec = 'test/cli/specs/escaping.pipeline';
    const m = runCli(['graph', spec]);
    expect(m.code).toBe(0);
    expect(m.stdout).toContain('review: Data #quot;quality#quot; #lt;check#gt; #amp; #35;1 review');
    const d = runCli(['graph', '--format', 'dot', spec]);
    expect(d.stdout).toContain('label="review: Data \\"quality\\" <check> & #1 review"');
  });

  it('draws reviews between an epoch and its downstream epochs', () => {
    const m = runCli(['graph', EXAMPLE]).stdout;
    const ir = IrSchema.parse(JSON.parse(runCli(['inspect', EXAMPLE]).stdout));
    for (const e of ir.epochs) {
      if (!e.review) continue;
      expect(m).toContain(`  e${e.id} --> r${e.id}\n`);
      for (const down of ir.epochs.filter((x) => x.after.includes(e.id))) {
        expect(m).toContain(`  r${e.id} --> e${down.id}\n`);
        expect(m).not.toContain(`  e${e.id} --> e${down.id}\n`);
      }
    }
  });
});

describe('pipec fmt', () => {
  it('--check passes on the example and fails listing an unformatted file', () => {
    expect(runCli(['fmt', '--check', EXAMPLE])).toMatchObject({ code: 0, stdout: '' });
    const r = runCli(['fmt', '--check', EXAMPLE, 'test/cli/specs/unformatted.pipeline']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('test/cli/specs/unformatted.pipeline\n');
  });

  it('prints formatted text; --write rewrites in place; the result is a fixed point', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pipec-fmt-'));
    const path = join(dir, 'spec.pipeline');
    copyFileSync('test/cli/specs/unformatted.pipeline', path);
    const printed = runCli(['fmt', path]);
    expect(printed.code).toBe(0);
    expect(printed.stdout).not.toBe(readFileSync(path, 'utf8'));
    const w = runCli(['fmt', '--write', path]);
    expect(w).toMatchObject({ code: 0, stdout: `formatted ${path}\n` });
    expect(readFileSync(path, 'utf8')).toBe(printed.stdout);
    expect(runCli(['fmt', '--check', path]).code).toBe(0);
    expect(runCli(['fmt', path]).stdout).toBe(printed.stdout);
  });

  it('refuses to format a file with syntax errors (diagnostics, exit 1, file untouched)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pipec-fmt-'));
    const path = join(dir, 'broken.pipeline');
    copyFileSync(SYNTAX, path);
    const r = runCli(['fmt', '--write', path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error\[PC0\d{3}\]/m);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe(readFileSync(SYNTAX, 'utf8'));
  });
});
