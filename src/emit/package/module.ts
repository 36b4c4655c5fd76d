/**
 * Shared helpers for emitting files of the reusable package `src/<project>/`: every package template
 * receives the same view (`{project, config}`), where `config` holds the IR sections as plain data
 * for `py_repr`.
 */
import { makeFile } from '../files.js';
import type { OutputFile } from '../types.js';
import type { EmitContext, ProjectView } from '../view-model.js';
import { configView, type ConfigView } from './config-view.js';

/** The view every package template receives. */
export interface PackageTemplateView {
  project: ProjectView;
  config: ConfigView;
}

/** The package template view for this context. */
export function packageView(ctx: EmitContext): PackageTemplateView {
  return { project: ctx.project, config: configView(ctx.ir) };
}

/**
 * Renders `template` to `src/<project>/<relPath>`. `sources` names the IR sections the module
 * depends on (besides `project`).
 */
export function emitPackageFile(ctx: EmitContext, relPath: string, template: string, sources: readonly string[]): OutputFile {
  return makeFile(`${ctx.project.packageDir}/${relPath}`, ctx.engine.render(template, packageView(ctx)), ['project', ...sources]);
}
