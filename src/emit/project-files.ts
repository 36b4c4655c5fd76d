/**
 * Project-level files: `.pipec/ir.json`, `.context/gate_rules.json`, `.context/pipeline_state.json`
 * (initial state), README.md, requirements.txt, pyproject.toml (pytest config) and .gitignore.
 */
import { REQUIRED_FRAMEWORK_PACKAGES } from '../catalogue/index.js';
import { upstreamOf } from '../ir/dag.js';
import { formatPipecSource, GIT_SOURCE_FORM, TARBALL_SOURCE_FORM } from './ci/install-source.js';
import { makeFile } from './files.js';
import { pinnedLines } from './pins.js';
import type { OutputFile } from './types.js';
import { stableJson, type EmitContext } from './view-model.js';

/** Every package the generated code (epochs, package, app, API, flows, tests) imports. */
export const PROJECT_REQUIREMENTS: readonly string[] = [
  'numpy', 'pandas', 'pyarrow', 'scipy', ...REQUIRED_FRAMEWORK_PACKAGES, 'matplotlib',
  'mlflow', 'nbformat', 'nbclient', 'ipykernel', 'streamlit', 'fastapi', 'uvicorn', 'httpx', 'psutil',
  'filelock', 'jsonschema', 'pytest', 'skops',
];

/** Schema version of `.context/pipeline_state.json` (runtime/python/pipec_runtime/state.py). */
export const STATE_SCHEMA_VERSION = 1;

/**
 * Compiled gate rules per epoch, in the shape `pipec_runtime.config.load_gate_rules` reads:
 * `{"epochs": {"005": {after, ancestors, produces, gate, review}}}`. The only producer of the document:
 * the runtime reads it and never rebuilds it; `ancestors` (every transitive prerequisite, from
 * ir/dag.ts) spares the runtime a DAG walk of its own.
 */
export function gateRulesDocument(ir: EmitContext['ir']): unknown {
  return {
    project: ir.project.name,
    epochs: Object.fromEntries(
      ir.epochs.map((e) => [e.id, {
        after: e.after, ancestors: upstreamOf(ir, e.id), produces: e.produces, gate: e.gate, review: e.review,
      }]),
    ),
  };
}

/**
 * The state before any run (runtime `empty_state` + `empty_epoch` per epoch): every epoch pending.
 * test/emit/initial-state.test.ts holds it equal to what the runtime itself would write.
 */
export function initialStateDocument(ctx: EmitContext): unknown {
  const doc: Record<string, unknown> = {
    schemaVersion: STATE_SCHEMA_VERSION,
    project: ctx.ir.project.name,
    updated_at: null,
    epochs: Object.fromEntries(
      ctx.ir.epochs.map((e) => [
        e.id,
        { status: 'pending', attempts: 0, started_at: null, finished_at: null, elapsed_seconds: null, facts: {},
          gate: null, error: null, review: null },
      ]),
    ),
    blockers: [],
    warnings: [],
  };
  // Seed compatibility keys (`epoch_005_complete`), kept by the runtime too.
  for (const e of ctx.ir.epochs) doc[`epoch_${e.id}_complete`] = false;
  return doc;
}

/** Emits the project-level files. */
export function emitProjectFiles(ctx: EmitContext): OutputFile[] {
  const { engine, project } = ctx;
  // Where epoch 002 looks for a spec's data file locally: the project's dataset folder.
  const dataFile = ctx.ir.data.kind === 'file' ? `data/${project.name}/${ctx.ir.data.path.split('/').pop() ?? ''}` : null;
  const source = ctx.assets.pipecSource;
  const view = { project, firstEpochDir: project.epochs[0]?.dir ?? '', requirementsFile: 'requirements.txt', dataFile, pipecSource: source ? formatPipecSource(source) : null, gitSourceForm: GIT_SOURCE_FORM, tarballSourceForm: TARBALL_SOURCE_FORM };
  return [
    makeFile('.pipec/ir.json', stableJson(ctx.ir), ['ir']),
    makeFile('.context/gate_rules.json', stableJson(gateRulesDocument(ctx.ir)), ['epochs']),
    makeFile('.context/pipeline_state.json', stableJson(initialStateDocument(ctx)), ['epochs']),
    makeFile('README.md', engine.render('project/README.md.hbs', view), ['project', 'epochs', 'deploy']),
    makeFile('requirements.txt', `${pinnedLines([...PROJECT_REQUIREMENTS]).join('\n')}\n`, ['project']),
    makeFile('pyproject.toml', engine.render('project/pyproject.toml.hbs', view), ['project']),
    makeFile('.gitignore', engine.render('project/gitignore', view), ['project']),
  ];
}
