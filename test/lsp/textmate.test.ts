/**
 * The TextMate grammar of the VS Code extension, run by VS Code's own engine (vscode-textmate with the
 * vscode-oniguruma regex library): golden tokenizations of the example spec and of a file holding every
 * token class (escapes, quantities with units, comments, numbers, operators, map keys, calls).
 * UPDATE_GOLDEN=1 rewrites test/lsp/golden/*.tokens; review the diff like code.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar } from 'vscode-textmate';
import { REPO_ROOT } from '../compiler/helpers/disk-loader.js';
import { expectGolden } from '../helpers/golden.js';

let grammar: IGrammar;

beforeAll(async () => {
  const wasm = readFileSync(join(createRequire(import.meta.url).resolve('vscode-oniguruma'), '../onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope) => {
      if (scope !== 'source.pipeline') return null;
      const path = join(REPO_ROOT, 'editors/vscode/syntaxes/pipeline.tmLanguage.json');
      return parseRawGrammar(readFileSync(path, 'utf8'), path);
    },
  });
  grammar = (await registry.loadGrammar('source.pipeline')) as IGrammar;
});

/** Each source line (`> line`), then one line per token: `text ⇒ scopes` (the root scope left out). */
function tokenize(text: string): string {
  let state = INITIAL;
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const r = grammar.tokenizeLine(line, state);
    out.push(`> ${line}`);
    for (const t of r.tokens) {
      const piece = line.slice(t.startIndex, t.endIndex);
      const scopes = t.scopes.slice(1);
      if (piece.trim() !== '' && scopes.length > 0) out.push(`  ${JSON.stringify(piece)} ⇒ ${scopes.join(' ')}`);
    }
    state = r.ruleStack;
  }
  return `${out.join('\n')}\n`;
}

/** The scopes of the first token equal to `piece` in `line`. */
function scopesOf(line: string, piece: string): string[] {
  const r = grammar.tokenizeLine(line, INITIAL);
  const t = r.tokens.find((x) => line.slice(x.startIndex, x.endIndex) === piece);
  return t ? t.scopes.slice(1) : [];
}

describe('TextMate grammar', () => {
  it('tokenizes the example spec', () => {
    expectGolden(join(REPO_ROOT, 'test/lsp/golden/credit-risk.tokens'), tokenize(readFileSync(join(REPO_ROOT, 'examples/credit-risk/project.pipeline'), 'utf8')));
  });

  it('tokenizes every token class', () => {
    expectGolden(join(REPO_ROOT, 'test/lsp/golden/all-tokens.tokens'), tokenize(readFileSync(join(REPO_ROOT, 'test/lsp/fixtures/tokens.pipeline'), 'utf8')));
  });

  it('scopes the essentials', () => {
    expect(scopesOf('  max_file_size 50MB', 'MB')).toEqual(['keyword.other.unit.pipeline']);
    expect(scopesOf('  max_file_size 50MB', '50')).toEqual(['constant.numeric.quantity.pipeline']);
    expect(scopesOf('  max_file_size 50MB', 'max_file_size')).toEqual(['keyword.other.statement.pipeline']);
    expect(scopesOf('  title "a \\" b"', '\\"')).toEqual(['string.quoted.double.pipeline', 'constant.character.escape.pipeline']);
    expect(scopesOf('  title "a \\q b"', '\\q')).toEqual(['string.quoted.double.pipeline', 'invalid.illegal.escape.pipeline']);
    expect(scopesOf('  rows 10_000 # ten thousand', '#').join(' ')).toContain('comment.line.number-sign.pipeline');
    expect(scopesOf('  require x >= 1', '>=')).toEqual(['keyword.operator.pipeline']);
    expect(scopesOf('  column e category { employed: 70% }', 'employed')).toEqual(['variable.other.key.pipeline']);
  });
});
