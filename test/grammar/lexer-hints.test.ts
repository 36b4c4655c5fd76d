/**
 * tokens.ts hands chevrotain each pattern's first characters and whether it can span lines, so the
 * lexer need not analyse the regular expressions at start-up. A wrong hint would silently stop a token
 * from ever matching, so the table is checked here against chevrotain's own regexp analysis.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Lexer, type TokenType } from 'chevrotain';
import * as T from '../../src/grammar/tokens.js';

const ROOT = join(import.meta.dirname, '../..');
// Internal modules of the pinned chevrotain (not in its exports map, hence the file URLs).
const internal = (p: string) => import(pathToFileURL(join(ROOT, 'node_modules/chevrotain/lib/src/scan', p)).href);
const regExp = (await internal('reg_exp.js')) as {
  getOptimizedStartCodesIndices(re: RegExp, ensure?: boolean): number[];
  canMatchCharCode(codes: number[], re: RegExp): boolean;
};
const lexer = (await internal('lexer.js')) as { charCodeToOptimizedIndex(code: number): number };

type Hinted = TokenType & { PATTERN: RegExp | typeof Lexer.NA };

describe('lexer start-character hints', () => {
  const withPattern = (T.ALL_TOKENS as Hinted[]).filter((t) => t.PATTERN instanceof RegExp && t.PATTERN !== Lexer.NA);

  it('cover every token with a pattern', () => {
    expect(withPattern.filter((t) => !T.START_CHARS.has(t)).map((t) => t.name)).toEqual([]);
    expect(withPattern).toHaveLength(T.START_CHARS.size);
  });

  it.each(withPattern.map((t) => [t.name, t] as const))('%s: same first characters and line breaks as chevrotain computes', (_, t) => {
    const re = t.PATTERN as RegExp;
    const fromHint = [...new Set((t.START_CHARS_HINT ?? []).map((c) => lexer.charCodeToOptimizedIndex(typeof c === 'number' ? c : c.charCodeAt(0))))].sort((a, b) => a - b);
    const computed = [...new Set(regExp.getOptimizedStartCodesIndices(re, true))].sort((a, b) => a - b);
    expect(fromHint).toEqual(computed);
    expect(t.LINE_BREAKS).toBe(regExp.canMatchCharCode([10, 13], re));
  });
});
