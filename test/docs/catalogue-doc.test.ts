/**
 * docs/language.md lists the models and metrics the catalogue declares (src/catalogue), rendered from
 * it; UPDATE_GOLDEN=1 rewrites the section.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_DOC_BEGIN, CATALOGUE_DOC_END, renderCatalogueDoc } from '../../src/catalogue/doc.js';
import { REPO_ROOT } from '../helpers/generate-project.js';
import { UPDATING } from '../helpers/golden.js';

const DOC = join(REPO_ROOT, 'docs', 'language.md');

describe('docs/language.md catalogue tables', () => {
  it('are the models and metrics of src/catalogue', () => {
    const rendered = renderCatalogueDoc();
    const text = readFileSync(DOC, 'utf8');
    const a = text.indexOf(CATALOGUE_DOC_BEGIN);
    const b = text.indexOf(CATALOGUE_DOC_END);
    expect(a, 'docs/language.md has the catalogue markers').toBeGreaterThanOrEqual(0);
    const current = text.slice(a, b + CATALOGUE_DOC_END.length + 1);
    if (UPDATING) writeFileSync(DOC, text.replace(current, rendered));
    else expect(current, 'run UPDATE_GOLDEN=1 npx vitest run test/docs/catalogue-doc.test.ts').toBe(rendered);
    expect(rendered).toContain('| `xgboost` | xgboost (`xgboost` 3.2.0) | classification, regression | yes | yes |');
    expect(rendered).toContain('| `rmse` | regression | 0..∞ | lower | no | `neg_root_mean_squared_error` |');
  });
});
