/**
 * Direction of the arrows between phases, on the real import graph (ts-morph): later phases may read
 * earlier ones, never the reverse. Lowering reads facts from compiler/standard.ts, not from check
 * files (a check's constant is the check's business); ir/ knows nothing of emitters; the catalogue
 * (src/catalogue) imports no phase.
 */
import { join, relative } from 'node:path';
import { Project } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/generate-project.js';

const SRC = join(REPO_ROOT, 'src');

/** Each rule: files matching `from` must not import (directly) files under `to`. */
const RULES: { from: RegExp; to: string; why: string }[] = [
  { from: /^compiler\/lower[^/]*\.ts$/, to: 'compiler/checks/', why: 'lowering reads shared facts, not check files' },
  { from: /^(grammar|diagnostics)\//, to: 'compiler/', why: 'the front end and diagnostics come before the compiler' },
  { from: /^(grammar|compiler|ir|diagnostics)\//, to: 'emit/', why: 'emitters come after the IR' },
  // The catalogue is the bottom layer: every phase reads it, it reads none of them.
  ...['grammar/', 'compiler/', 'ir/', 'diagnostics/', 'emit/', 'cli/', 'runner/', 'lsp/', 'writer/'].map((to) => (
    { from: /^catalogue\//, to, why: 'the catalogue declares facts; it depends on no phase' })),
];

describe('layering', () => {
  it('imports only run from later phases to earlier ones', () => {
    const project = new Project({ tsConfigFilePath: join(REPO_ROOT, 'tsconfig.json'), skipAddingFilesFromTsConfig: true });
    const files = project.addSourceFilesAtPaths(`${SRC}/**/*.ts`);
    const problems: string[] = [];
    for (const file of files) {
      const where = relative(SRC, file.getFilePath());
      for (const decl of [...file.getImportDeclarations(), ...file.getExportDeclarations()]) {
        const target = decl.getModuleSpecifierSourceFile();
        if (!target || target.isInNodeModules()) continue;
        const to = relative(SRC, target.getFilePath());
        for (const rule of RULES) {
          if (rule.from.test(where) && to.startsWith(rule.to)) problems.push(`${where} imports ${to}: ${rule.why}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('has no import cycles, type-only imports included', () => {
    const project = new Project({ tsConfigFilePath: join(REPO_ROOT, 'tsconfig.json'), skipAddingFilesFromTsConfig: true });
    const graph = new Map<string, string[]>();
    for (const file of project.addSourceFilesAtPaths(`${SRC}/**/*.ts`)) {
      const targets = [...file.getImportDeclarations(), ...file.getExportDeclarations()]
        .map((d) => d.getModuleSpecifierSourceFile())
        .filter((t) => t !== undefined && !t.isInNodeModules())
        .map((t) => relative(SRC, t!.getFilePath()));
      graph.set(relative(SRC, file.getFilePath()), targets);
    }
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const path: string[] = [];
    const visit = (n: string): void => {
      state.set(n, 'open');
      path.push(n);
      for (const m of graph.get(n) ?? []) {
        if (state.get(m) === 'open') cycles.push([...path.slice(path.indexOf(m)), m].join(' -> '));
        else if (!state.has(m)) visit(m);
      }
      path.pop();
      state.set(n, 'done');
    };
    for (const n of [...graph.keys()].sort()) if (!state.has(n)) visit(n);
    expect(cycles).toEqual([]);
  });
});
