/**
 * Golden tests: each test/grammar/golden/*.pipeline parses to the tree + diagnostics stored next to it
 * in *.json. Update with `UPDATE_GOLDEN=1 npx vitest run test/grammar` and review the diff like code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectGolden } from '../helpers/golden.js';
import { describe, expect, it } from 'vitest';
import { parseSpec } from '../../src/grammar/index.js';
import { diagLines, treeJson } from './helpers.js';

const dir = join(import.meta.dirname, 'golden');
const inputs = readdirSync(dir).filter((f) => f.endsWith('.pipeline')).sort();

describe('parse golden files', () => {
  it('has golden inputs', () => expect(inputs.length).toBeGreaterThanOrEqual(5));
  for (const name of inputs) {
    it(name, () => {
      const text = readFileSync(join(dir, name), 'utf8');
      const { syntax, diagnostics } = parseSpec({ path: name, text });
      const actual = treeJson({ diagnostics: diagLines(diagnostics), statements: syntax.statements, comments: syntax.comments }) + '\n';
      expectGolden(join(dir, name.replace(/\.pipeline$/, '.json')), actual);
    });
  }
});

describe('real specs', () => {
  for (const file of ['examples/credit-risk/project.pipeline', 'stdlib/lifecycle/domino_standard.pipeline']) {
    it(`${file} parses with zero diagnostics`, () => {
      const { syntax, diagnostics } = parseSpec({ path: file, text: readFileSync(file, 'utf8') });
      expect(diagnostics).toEqual([]);
      expect(syntax.statements.length).toBeGreaterThan(0);
    });
  }
});

it('the example keeps every statement, in order', () => {
  const file = 'examples/credit-risk/project.pipeline';
  const { syntax } = parseSpec({ path: file, text: readFileSync(file, 'utf8') });
  expect(syntax.statements.map((s) => s.keyword.name)).toEqual(['project']);
  const body = syntax.statements[0]!.block!.statements.map((s) => s.keyword.name);
  expect(body).toEqual(['title', 'objective', 'problem', 'target', 'metric', 'use', 'domino', 'limits', 'data', 'features', 'models', 'epoch', 'epoch', 'deploy', 'review', 'review', 'risk']);
  expect(syntax.comments.map((c) => c.text)).toEqual([
    ' Credit default risk: the example a new user starts from.',
    ' Everything not written here comes from the standard Domino lifecycle in the stdlib.',
  ]);
});
