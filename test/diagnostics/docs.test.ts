/** docs/diagnostics.md is generated from the registry and documents every code (UPDATE_GOLDEN=1 rewrites). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODES } from '../../src/diagnostics/codes.js';
import { SEMANTIC_CODES } from '../../src/diagnostics/codes-semantic.js';
import { renderDiagnosticsDoc } from '../../src/compiler/diagnostics-doc.js';
import { REPO_ROOT } from '../compiler/helpers/disk-loader.js';
import { expectGolden, UPDATING } from '../helpers/golden.js';

const DOC = join(REPO_ROOT, 'docs/diagnostics.md');

describe('docs/diagnostics.md', () => {
  it('is up to date with the registry', () => {
    expectGolden(DOC, renderDiagnosticsDoc());
  });

  it('has an entry with title, explanation, example and fix for every registered code', () => {
    const doc = UPDATING ? renderDiagnosticsDoc() : readFileSync(DOC, 'utf8');
    for (const c of CODES.values()) {
      expect(doc).toContain(`### ${c.code}: ${c.title}`);
      expect(c.title.length).toBeGreaterThan(3);
      expect(c.explanation.length).toBeGreaterThan(20);
      expect(c.example.trim().length).toBeGreaterThan(3);
      expect(c.fix.length).toBeGreaterThan(5);
    }
  });

  it('uses stable, well-formed compiler codes in PC1xxx-PC7xxx', () => {
    for (const c of SEMANTIC_CODES) expect(c.code).toMatch(/^PC[1-7]\d{3}$/);
    expect(SEMANTIC_CODES.length).toBeGreaterThanOrEqual(30);
  });
});
