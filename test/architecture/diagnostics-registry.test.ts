/**
 * Every diagnostic goes through the registry: outside src/diagnostics no code spells a severity, so
 * grammar, compiler and CLI findings all take theirs from the code table (makeDiagnostic / Reporter).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/generate-project.js';

const SRC = join(REPO_ROOT, 'src');

describe('diagnostics registry', () => {
  it('no diagnostic is built with a literal severity outside src/diagnostics', () => {
    const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.startsWith('diagnostics'));
    const offenders = files.filter((f) => /severity:\s*'(error|warning|info)'/.test(readFileSync(join(SRC, f), 'utf8')));
    expect(offenders.map((f) => relative(REPO_ROOT, join(SRC, f)))).toEqual([]);
  });
});
