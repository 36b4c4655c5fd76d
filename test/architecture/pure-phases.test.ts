/**
 * The architecture's one hard line: catalogue/, grammar/, compiler/, ir/, emit/ and diagnostics/ are pure. Walks
 * the real import graph with ts-morph (transitively, so a pure module cannot reach fs through a helper)
 * and fails on any module that touches the disk, processes or the network, or on an import of the
 * phases that may (cli/, writer/, runner/). Also bans reads of the process environment.
 */
import { join, relative } from 'node:path';
import { Project, type SourceFile } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/generate-project.js';

const PURE_DIRS = ['catalogue', 'grammar', 'compiler', 'ir', 'emit', 'diagnostics'].map((d) => join(REPO_ROOT, 'src', d));
const IMPURE_DIRS = ['cli', 'writer', 'runner'].map((d) => join(REPO_ROOT, 'src', d));
const BANNED_MODULES = /^(node:)?(fs|fs\/promises|child_process|net|http|https|os|process|worker_threads|cluster|dgram)$|^(execa|chokidar|proper-lockfile|pidtree|pidusage)$/;

const isUnder = (path: string, dirs: string[]) => dirs.some((d) => path.startsWith(`${d}/`));

describe('pure phases', () => {
  it('reach no fs/process/network module and no impure phase, transitively', () => {
    const project = new Project({ tsConfigFilePath: join(REPO_ROOT, 'tsconfig.json'), skipAddingFilesFromTsConfig: true });
    const roots = project.addSourceFilesAtPaths(PURE_DIRS.map((d) => `${d}/**/*.ts`));
    expect(roots.length).toBeGreaterThan(100);
    const problems: string[] = [];
    const seen = new Set<SourceFile>();
    const visit = (file: SourceFile) => {
      if (seen.has(file)) return;
      seen.add(file);
      const where = relative(REPO_ROOT, file.getFilePath());
      if (isUnder(file.getFilePath(), IMPURE_DIRS)) problems.push(`${where}: impure phase reached from a pure one`);
      if (/\bprocess\.(env|cwd|argv)\b/.test(file.getFullText())) problems.push(`${where}: reads the process environment`);
      const specifiers = [
        ...file.getImportDeclarations().map((d) => [d.getModuleSpecifierValue(), d.getModuleSpecifierSourceFile()] as const),
        ...file.getExportDeclarations().map((d) => [d.getModuleSpecifierValue() ?? '', d.getModuleSpecifierSourceFile()] as const),
      ];
      for (const [spec, target] of specifiers) {
        if (BANNED_MODULES.test(spec)) problems.push(`${where}: imports ${spec}`);
        if (target && !target.isInNodeModules()) visit(target);
      }
    };
    roots.forEach(visit);
    expect(problems).toEqual([]);
  });
});
