/**
 * The README's language tour is the first spec a new user copies: it must check with no diagnostic at
 * all and already be in `pipec fmt` canonical form.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSpec } from '../../src/compiler/index.js';
import { formatSpec } from '../../src/grammar/format.js';
import { ROOT } from '../cli/helpers.js';
import { diskLoader } from '../compiler/helpers/disk-loader.js';

function tourSpec(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const match = /```pipeline\n([\s\S]*?)```/.exec(readme);
  if (!match?.[1]) throw new Error('README.md has no ```pipeline block');
  return match[1];
}

describe('README language tour', () => {
  it('checks with no diagnostics', () => {
    const { diagnostics, ir } = checkSpec({ path: 'README.md#tour', text: tourSpec() }, { loadLibrary: diskLoader() });
    expect(diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
    expect(ir?.epochs.map((e) => e.id)).toContain('009');
  });

  it('is in canonical format', () => {
    const text = tourSpec();
    expect(formatSpec(text).text).toBe(text);
  });
});
