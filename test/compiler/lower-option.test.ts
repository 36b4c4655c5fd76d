/** `lower: false` (what `pipec check` uses) reports exactly the diagnostics of a full check, without an IR. */
import { describe, expect, it } from 'vitest';
import { checkSpec } from '../../src/compiler/index.js';
import { diskLoader, repoSource } from './helpers/disk-loader.js';

describe('checkSpec({ lower: false })', () => {
  it('gives the same diagnostics as a full check and no IR, on clean and broken specs', () => {
    const clean = repoSource('examples/credit-risk/project.pipeline');
    const broken = { path: 'broken.pipeline', text: clean.text.replace('metric    f1_score', 'metric    rmse') };
    for (const source of [clean, broken]) {
      const full = checkSpec(source, { loadLibrary: diskLoader() });
      const quick = checkSpec(source, { loadLibrary: diskLoader(), lower: false });
      expect(quick.diagnostics).toEqual(full.diagnostics);
      expect(quick.ir).toBeNull();
    }
    expect(checkSpec(clean, { loadLibrary: diskLoader() }).ir).not.toBeNull();
    expect(checkSpec(broken, { loadLibrary: diskLoader() }).diagnostics.map((d) => d.code)).toContain('PC4002');
  });
});
