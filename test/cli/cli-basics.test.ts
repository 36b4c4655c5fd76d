/** The built CLI's surface that needs no spec: version, help on every verb, explain, usage errors. */
import { beforeAll, describe, expect, it } from 'vitest';
import { CODES } from '../../src/diagnostics/codes.js';
import { PIPEC_VERSION } from '../../src/version.js';
import { ensureBuilt, hasStackTrace, runCli } from './helpers.js';

beforeAll(() => ensureBuilt());

describe('pipec basics', () => {
  it('prints the version', () => {
    const r = runCli(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: `${PIPEC_VERSION}\n` });
  });

  it.each(['check', 'fmt', 'inspect', 'graph', 'explain'])('%s --help shows usage and examples', (verb) => {
    const r = runCli([verb, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Usage: pipec ${verb}`);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain(`$ pipec ${verb}`);
  });

  it('rejects an unknown verb, flag or format value with exit 2 and no stack trace', () => {
    for (const args of [['frobnicate'], ['check', '--bogus', 'x.pipeline'], ['check', '--format', 'xml', 'x.pipeline'], ['check']]) {
      const r = runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/error:/);
      expect(hasStackTrace(r.stderr + r.stdout)).toBe(false);
    }
    expect(runCli(['check', '--format', 'xml', 'x.pipeline']).stderr).toContain('Allowed choices are pretty, json, sarif, github');
  });

  it('reports a missing or unreadable spec as a usage error (exit 2)', () => {
    const r = runCli(['check', 'no/such/file.pipeline']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: cannot read spec "no/such/file.pipeline": no such file\n');
    const dir = runCli(['check', 'examples']);
    expect(dir.code).toBe(2);
    expect(dir.stderr).toBe('error: cannot read spec "examples": it is a directory\n');
  });

  it('refuses conflicting fmt flags and several files without --write/--check', () => {
    const both = runCli(['fmt', '--check', '--write', 'examples/credit-risk/project.pipeline']);
    expect(both).toMatchObject({ code: 2, stderr: 'error: --check and --write cannot be combined\n' });
    const two = runCli(['fmt', 'a.pipeline', 'b.pipeline']);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('exactly one file');
  });
});

describe('pipec explain', () => {
  const codes = [...CODES.values()];

  it('prints title, explanation, example and fix of a registered code (case-insensitive)', () => {
    const info = codes[0];
    expect(info, 'the registry has codes').toBeDefined();
    const r = runCli(['explain', info!.code.toLowerCase()]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(`${info!.code}: ${info!.title} (${info!.severity})`);
    expect(r.stdout).toContain(info!.explanation);
    expect(r.stdout).toContain(`Example:\n    ${info!.example.split('\n')[0]}`);
    expect(r.stdout).toContain(`Fix:\n  ${info!.fix.split('\n')[0]}`);
  });

  it('lists every code without an argument', () => {
    const r = runCli(['explain']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(codes.length);
  });

  it('suggests the nearest code for a typo and exits 2', () => {
    const info = codes[0]!;
    // Change the last digit to one that is not registered.
    const typo = [...'0123456789']
      .map((d) => info.code.slice(0, -1) + d)
      .find((c) => !CODES.has(c));
    expect(typo).toBeDefined();
    const r = runCli(['explain', typo!]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^error: unknown diagnostic code "${typo}"\\nhelp: did you mean PC\\d{4}\\?\\n$`));
    const far = runCli(['explain', 'hello']);
    expect(far).toMatchObject({ code: 2, stderr: 'error: unknown diagnostic code "hello"\nhelp: run `pipec explain` to list every code\n' });
  });
});
