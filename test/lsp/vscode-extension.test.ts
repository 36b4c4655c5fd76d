/**
 * The VS Code extension: the file association rule (a `.pipeline` JSON file of another tool is not
 * claimed; `.pipec` is, and the compiler accepts it), its manifest, and the `.vsix` built by
 * scripts/build-vscode.mjs with @vscode/vsce (so CI builds the package on every run).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claims, FIRST_LINE } from '../../editors/vscode/src/association.js';
import { ensureBuilt, ROOT, runCli } from '../cli/helpers.js';

const read = (rel: string) => readFileSync(join(ROOT, rel), 'utf8');
const manifest = JSON.parse(read('editors/vscode/package.json')) as {
  contributes: { languages: { id: string; extensions: string[]; firstLine: string }[]; grammars: { path: string }[] };
  main: string;
};

/** Entry names of a zip file, read from its central directory. */
function zipEntries(buf: Buffer): string[] {
  const names: string[] = [];
  for (let i = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])), at = buf.readUInt32LE(i + 16), n = buf.readUInt16LE(i + 10); n > 0; n--) {
    const len = buf.readUInt16LE(at + 28);
    names.push(buf.toString('utf8', at + 46, at + 46 + len));
    at += 46 + len + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return names.sort();
}

describe('file association', () => {
  it('does not claim a JSON .pipeline file of another tool', () => {
    expect(claims('/ci/nightly.pipeline', read('test/lsp/fixtures/other-tool.pipeline'))).toBe(false);
    expect(claims('x.pipeline', '[{"step": 1}]')).toBe(false);
    expect(claims('x.pipeline', 'stages:\n  - build\n')).toBe(false);
    expect(new RegExp(manifest.contributes.languages[0]!.firstLine).test('{')).toBe(false);
  });

  it('claims .pipeline specs by their first line, and .pipec always', () => {
    expect(claims('/p/project.pipeline', read('examples/credit-risk/project.pipeline'))).toBe(true); // starts with a comment
    expect(claims('/p/project.pipeline', 'project p {\n}\n')).toBe(true);
    expect(claims('lib.pipeline', '\uFEFF\n\nlifecycle domino_standard {')).toBe(true);
    expect(claims('empty.pipeline', '')).toBe(true);
    expect(claims('spec.PIPEC', '{ "json": true }')).toBe(true);
    expect(claims('notes.txt', 'project p {')).toBe(false);
  });

  it('declares the same rule in the manifest', () => {
    const lang = manifest.contributes.languages[0]!;
    expect(lang.id).toBe('pipeline');
    expect(lang.extensions).toEqual(['.pipec']);
    expect(lang.firstLine).toBe(FIRST_LINE);
    expect(new RegExp(lang.firstLine).test('project credit_risk {')).toBe(true);
  });

  it('the compiler accepts the .pipec extension', () => {
    ensureBuilt();
    const dir = mkdtempSync(join(tmpdir(), 'pipec-alias-'));
    try {
      copyFileSync(join(ROOT, 'examples/credit-risk/project.pipeline'), join(dir, 'project.pipec'));
      const r = runCli(['check', join(dir, 'project.pipec')]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('warning: 5 warnings');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the .vsix package', () => {
  it('is built by vsce with the bundled client, the grammar and the language configuration', () => {
    const out = execFileSync(process.execPath, [join(ROOT, 'scripts/build-vscode.mjs')], { cwd: ROOT, encoding: 'utf8' });
    const vsix = out.trim().split('\n').pop() as string;
    expect(vsix).toMatch(/editors\/vscode\/dist\/pipec-pipeline-0\.1\.0\.vsix$/);
    const entries = zipEntries(readFileSync(vsix));
    expect(entries).toEqual(expect.arrayContaining([
      'extension.vsixmanifest', 'extension/package.json', 'extension/dist/extension.js',
      'extension/syntaxes/pipeline.tmLanguage.json', 'extension/language-configuration.json', 'extension/LICENSE.txt',
    ]));
    expect(entries.filter((e) => e.includes('node_modules') || e.includes('/src/'))).toEqual([]);
    const bundle = readFileSync(join(ROOT, 'editors/vscode', manifest.main), 'utf8');
    expect(bundle).toContain('pipec/graph');
    expect(bundle).not.toMatch(/require\("vscode-languageclient/);
  });
});
