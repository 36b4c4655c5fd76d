/**
 * `pipec init --from` (issue 12): the built CLI writes a canonical spec from the examples' data files
 * (the iris CSV and a house-prices-like fixture) that checks clean against the same file, refuses to
 * overwrite without --force, and the specs it writes run end to end (epochs 001-008, real Python).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileSpec, describeRun, generateProject, hasPython, runPythonAsync, variantIr } from '../helpers/generate-project.js';
import { ensureBuilt, expectGolden, hasStackTrace, ROOT, runCli } from './helpers.js';

const SOURCES = {
  iris: join(ROOT, 'examples', 'iris-species', 'data.csv'),
  house: join(ROOT, 'test', 'fixtures', 'data', 'house_prices.csv'),
  // A helpdesk export: ticket id, dates with times, a 120-level product, free text, gaps, 1 in 7 escalated.
  tickets: join(ROOT, 'test', 'fixtures', 'data', 'support_tickets.csv'),
};

/** A temp folder holding a copy of `source` as `name`, and the spec `init` writes there. */
function initIn(source: string, name: string, extra: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'pipec-init-'));
  copyFileSync(source, join(dir, name));
  const r = runCli(['init', '--from', name, '--out', 'project.pipeline', ...extra], { cwd: dir });
  return { dir, r, spec: join(dir, 'project.pipeline') };
}

beforeAll(() => ensureBuilt());

describe('pipec init --from', () => {
  it.each([['iris', SOURCES.iris, 'iris.csv'], ['house', SOURCES.house, 'house_prices.csv'], ['tickets', SOURCES.tickets, 'support_tickets.csv']])(
    '%s: writes a spec that checks clean (golden)', (label, source, name) => {
      const { dir, r, spec } = initIn(source, name);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toContain('Next:\n  pipec check project.pipeline\n  pipec compile project.pipeline --out out/');
      expectGolden(`init-${label}.pipeline`, readFileSync(spec, 'utf8'));
      const check = runCli(['check', 'project.pipeline'], { cwd: dir });
      expect(check.code).toBe(0);
      // Clean: no finding of any severity (the feasibility summary that `check` prints is not one).
      expect(check.stdout + check.stderr).not.toMatch(/^(error|warning|info)\[PC\d{4}\]/m);
      // Canonical: `pipec fmt --check` has nothing to change.
      expect(runCli(['fmt', '--check', 'project.pipeline'], { cwd: dir }).code).toBe(0);
    });

  it('uses --target/--problem, and never overwrites without --force', () => {
    const { dir, r } = initIn(SOURCES.house, 'house_prices.csv', ['--target', 'OverallQual', '--problem', 'classification']);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(join(dir, 'project.pipeline'), 'utf8');
    expect(text).toMatch(/problem +classification/);
    expect(text).toContain('target OverallQual category');
    writeFileSync(join(dir, 'project.pipeline'), '# mine\n');
    const again = runCli(['init', '--from', 'house_prices.csv', '--out', 'project.pipeline'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('"project.pipeline" exists; pass --force to overwrite it');
    expect(readFileSync(join(dir, 'project.pipeline'), 'utf8')).toBe('# mine\n');
    expect(runCli(['init', '--from', 'house_prices.csv', '--out', 'project.pipeline', '--force'], { cwd: dir }).code).toBe(0);
  });

  it('infers free text as `text` (not a category, not an identifier); --role overrides a column', () => {
    const { dir, r } = initIn(SOURCES.tickets, 'support_tickets.csv');
    expect(r.stdout).toContain('(ticket_id id, opened datetime, message text)');
    const text = readFileSync(join(dir, 'project.pipeline'), 'utf8');
    expect(text).toContain('column message text');
    expect(text).not.toContain('encode message');
    const again = runCli(['init', '--from', 'support_tickets.csv', '--force', '--role', 'message=ignore', '--role', 'product=id'], { cwd: dir });
    expect(again.code, again.stderr).toBe(0);
    const edited = readFileSync(join(dir, 'project.pipeline'), 'utf8');
    expect(edited).toContain('column message ignore');
    expect(edited).toContain('column product id');
    expect(edited).not.toContain('encode product');
    for (const [flag, message] of [['messag=text', 'names column "messag", which is not in the file'], ['message:text', 'write it as column=kind'],
      ['message=words', 'kind one of int, float, bool, category, text, datetime, id, ignore'], ['escalated=ignore', 'cannot change the target column "escalated"']]) {
      const bad = runCli(['init', '--from', 'support_tickets.csv', '--force', '--role', flag as string], { cwd: dir });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain(message);
    }
  });

  it('reports a missing file, an unknown target and an unknown format as usage errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pipec-init-'));
    copyFileSync(SOURCES.iris, join(dir, 'iris.csv'));
    const cases: [string[], string][] = [
      [['--from', 'nope.csv'], 'cannot read "nope.csv": no such file'],
      [['--from', 'iris.csv', '--target', 'specie'], 'column "specie" is not in the file'],
      [['--from', 'iris.txt'], 'cannot tell the format of "iris.txt"'],
    ];
    for (const [args, message] of cases) {
      const r = runCli(['init', ...args], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
      expect(hasStackTrace(r.stderr)).toBe(false);
    }
  });
});

describe('pipec init on a terminal', () => {
  it('asks for the target, the problem kind and (on request) each column\'s role (@inquirer/prompts, driven through a pseudo-terminal)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pipec-init-'));
    copyFileSync(SOURCES.iris, join(dir, 'iris.csv'));
    // util-linux `script` gives the CLI a real TTY; keys: up (the column before `species`), enter, down (regression), enter.
    const child = spawn('script', ['-qfec', `${process.execPath} ${join(ROOT, 'bin/pipec.js')} init --from iris.csv --out p.pipeline`, '/dev/null'],
      { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const until = async (text: string) => {
      for (let i = 0; i < 200 && !out.includes(text); i++) await new Promise((r) => setTimeout(r, 50));
    };
    await until('Which column');
    child.stdin.write('\x1b[A');
    child.stdin.write('\r');
    await until('What kind of problem');
    child.stdin.write('\x1b[B');
    child.stdin.write('\r');
    // Roles: yes, adjust; sepal_length_cm (inferred float, 2nd of 8) down to `ignore` (8th); keep the others.
    await until('Adjust column roles?');
    child.stdin.write('y\r');
    await until('Column sepal_length_cm');
    child.stdin.write('\x1b[B'.repeat(6));
    child.stdin.write('\r');
    for (const c of ['sepal_width_cm', 'petal_length_cm', 'species']) {
      await until(`Column ${c}`);
      child.stdin.write('\r');
    }
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(code, out).toBe(0);
    const text = readFileSync(join(dir, 'p.pipeline'), 'utf8');
    expect(text).toMatch(/problem +regression/);
    expect(text).toContain('target petal_width_cm float');
    expect(text).toContain('column sepal_length_cm ignore');
    expect(text).toContain('column sepal_width_cm float');
    expect(text).toContain('column species category');
  }, 60_000);

  it('--target and --role answer the questions: nothing is asked on a terminal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pipec-init-'));
    copyFileSync(SOURCES.iris, join(dir, 'iris.csv'));
    const cmd = `${process.execPath} ${join(ROOT, 'bin/pipec.js')} init --from iris.csv --out p.pipeline --target species --role sepal_width_cm=ignore`;
    const child = spawn('script', ['-qfec', cmd, '/dev/null'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(code, out).toBe(0);
    expect(out).not.toContain('Adjust column roles?');
    expect(readFileSync(join(dir, 'p.pipeline'), 'utf8')).toContain('column sepal_width_cm ignore');
  }, 60_000);
});

describe.runIf(hasPython())('specs written by pipec init run end to end', () => {
  it.each([['iris.csv', SOURCES.iris], ['house_prices.csv', SOURCES.house]])('%s: epochs 001-008', async (name, source) => {
    const { r, spec } = initIn(source, name);
    expect(r.code).toBe(0);
    // Latency objectives describe deployment hardware, not a shared CI box (as late-examples.test.ts).
    const ir = variantIr(await compileSpec(spec), (v) => {
      if (v.deploy.api) v.deploy.api.latencyP95Seconds = 2;
      for (const e of v.epochs) for (const g of e.gate) if (g.fact === 'api.latency_p95') g.value = 2;
    });
    const project = await generateProject(ir);
    const env = {
      PIPEC_APPROVE: ir.epochs.filter((e) => e.review).map((e) => e.id).join(','),
      PIPEC_N_JOBS: '1', PIPEC_API_REQUESTS: '20', PIPEC_SOURCE_DATA: source,
    };
    for (const epoch of ir.epochs) {
      const run = await runPythonAsync(project.dir, [`${epoch.dir}/scripts/run_epoch.py`], env, 540_000);
      expect(run.status, `epoch ${epoch.id}\n${describeRun(run)}`).toBe(0);
    }
  }, 2_400_000);
});
