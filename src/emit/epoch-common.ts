/**
 * The files every lifecycle epoch has (scripts/run_epoch.py, README.md, requirements.txt, notebooks),
 * emitted the same way for all epochs so each epoch emitter only names its templates and extra view.
 */
import { buildNotebook, cellsFromPercent } from './notebook.js';
import { makeFile } from './files.js';
import { daskNotebookTemplate, daskVariant } from './epochs/dask-variant.js';
import { pinnedLines } from './pins.js';
import type { OutputFile } from './types.js';
import { findEpoch, viewEpoch, type EmitContext, type EpochView, type ProjectView } from './view-model.js';

/** What an epoch emitter declares; everything else is shared. */
export interface EpochPartOptions {
  /** Template folder under stdlib/templates/, e.g. `epoch005`; holds `run_epoch.py.hbs`. */
  templateDir: string;
  /** Python packages the epoch's code imports (pinned into its requirements.txt). */
  requirements: readonly string[];
  /** Extra fields merged into the view (`{project, epoch, ...extra}`). */
  extra?: Record<string, unknown>;
  /** Notebooks: `file` under `notebooks/`, rendered from a percent-format template (`# %%` cells). */
  notebooks?: readonly { file: string; template: string }[];
  /** More files: `path` relative to the epoch folder, rendered from `template`. */
  files?: readonly { path: string; template: string }[];
  /** IR sections these files derive from, besides `project` and `epochs.<id>`. */
  sources?: readonly string[];
  /** Emit for a user-defined (`custom`) epoch; lifecycle emitters leave custom epochs alone. */
  custom?: boolean;
}

/** The view every epoch template receives. */
export interface EpochTemplateView {
  project: ProjectView;
  epoch: EpochView;
  [extra: string]: unknown;
}

/** Template used for an epoch README when the epoch folder has none of its own. */
export const EPOCH_README_TEMPLATE = 'epoch/README.md.hbs';

/**
 * Emits the standard files of epoch `id`; returns [] when the spec's lifecycle has no such epoch
 * (a spec may drop stdlib epochs), so registering an emitter is always safe.
 */
export function emitEpochPart(ctx: EmitContext, id: string, given: EpochPartOptions): OutputFile[] {
  const epoch = findEpoch(ctx.ir, id);
  // A spec without the stdlib may reuse a lifecycle number for its own epoch: only the scaffold emits it.
  if (!epoch || epoch.custom !== (given.custom ?? false)) return [];
  // An epoch on a cluster renders its Dask script (`<templateDir>-dask/`), with the Dask packages pinned.
  const opts = epoch.compute ? daskVariant(given, epoch.compute) : given;
  const view: EpochTemplateView = { project: ctx.project, epoch: viewEpoch(ctx.ir, epoch), ...(opts.extra ?? {}) };
  const sources = ['project', `epochs.${id}`, ...(opts.sources ?? [])];
  const dir = epoch.dir;
  const { engine } = ctx;
  const ownReadme = `${opts.templateDir}/README.md.hbs`;
  const notebookFiles = (opts.notebooks ?? []).map((n) => `notebooks/${n.file}`);
  const files: OutputFile[] = [
    makeFile(`${dir}/scripts/run_epoch.py`, engine.render(`${opts.templateDir}/run_epoch.py.hbs`, view), sources),
    makeFile(
      `${dir}/README.md`,
      engine.render(engine.has(ownReadme) ? ownReadme : EPOCH_README_TEMPLATE, { ...view, notebookFiles }),
      sources,
    ),
    makeFile(`${dir}/requirements.txt`, `${pinnedLines(opts.requirements).join('\n')}\n`, sources),
  ];
  for (const nb of opts.notebooks ?? []) {
    const path = `${dir}/notebooks/${nb.file}`;
    const template = epoch.compute ? daskNotebookTemplate(nb.template, (t) => engine.has(t)) : nb.template;
    files.push(makeFile(path, buildNotebook(path, cellsFromPercent(engine.render(template, view))), sources));
  }
  for (const f of opts.files ?? []) {
    files.push(makeFile(`${dir}/${f.path}`, engine.render(f.template, view), sources));
  }
  return files;
}
