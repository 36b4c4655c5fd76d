/**
 * Resolving `use` statements: each names a library the loader provides; a library is parsed and
 * shaped like any spec (its own diagnostics carry its own file name). A project uses at most one
 * lifecycle.
 */
import { parseSpec } from '../grammar/index.js';
import type { LifecycleDecl, ProjectDecl } from './model.js';
import { didYouMean, relatedAt, type Reporter } from './report.js';
import { shapeLifecycle } from './shape-file.js';
import type { LibraryLoader } from './stdlib-loader.js';
import { KNOWN_LIBRARIES } from './standard.js';

/** Load the project's lifecycle library (null when it uses none or it failed; failures are reported). */
export function resolveUses(project: ProjectDecl, loadLibrary: LibraryLoader, rep: Reporter): LifecycleDecl | null {
  let lifecycle: LifecycleDecl | null = null;
  let firstUse: ProjectDecl['uses'][number] | null = null;
  for (const use of project.uses) {
    const name = use.name.value;
    const source = loadLibrary(name);
    if (!source) {
      rep.report('PC2006', use.name, `unknown library "${name}"`, didYouMean(name, KNOWN_LIBRARIES, 'libraries'));
      continue;
    }
    if (firstUse) {
      rep.report('PC1005', use.name, `project "${project.name.value}" uses a second lifecycle "${name}"`,
        'a project uses one lifecycle; remove one of the `use` statements', [relatedAt('first lifecycle used here', firstUse.name)]);
      continue;
    }
    firstUse = use;
    const parsed = parseSpec(source);
    rep.diagnostics.push(...parsed.diagnostics);
    if (parsed.diagnostics.some((d) => d.severity === 'error')) continue;
    lifecycle = shapeLifecycle(parsed.syntax, rep);
  }
  return lifecycle;
}
