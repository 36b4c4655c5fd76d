/**
 * CI integration files of the generated project: `.github/workflows/pipec.yml` (GitHub Actions:
 * `pipec check` with annotations and SARIF, `pipec compile --check`, the generated pytest suite) and
 * `.pre-commit-config.yaml`. Both start from YAML documents in stdlib/templates/ci/ and are changed
 * through the yaml library's document model, never by pasting strings into YAML text, so every value
 * is quoted correctly whatever the spec says. Pure: no fs, no process.
 */
import { parseDocument, type Document } from 'yaml';
import { formatPipecSource, npmSpecifier } from './install-source.js';
import { makeFile } from '../files.js';
import type { OutputFile } from '../types.js';
import type { EmitContext } from '../view-model.js';

/** Where the workflow and the hook expect the spec, relative to the project root (docs/regenerate.md). */
export const DEFAULT_SPEC_PATH = 'project.pipeline';

function loadTemplate(ctx: EmitContext, key: string): Document {
  const text = ctx.assets.templates.get(key);
  if (text === undefined) throw new Error(`emit ci: template ${key} missing`);
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new Error(`emit ci: template ${key} is not valid YAML: ${doc.errors[0]!.message}`);
  return doc;
}

/** Stable YAML text: no line folding, so the output never depends on value lengths. */
const render = (doc: Document): string => doc.toString({ lineWidth: 0 });

/** The GitHub Actions workflow. */
export function emitWorkflow(ctx: EmitContext): OutputFile {
  const doc = loadTemplate(ctx, 'ci/pipec.yml');
  doc.setIn(['env', 'PIPEC_SPEC'], DEFAULT_SPEC_PATH);
  doc.setIn(['env', 'PIPEC_OUT'], '.');
  const source = ctx.assets.pipecSource;
  doc.setIn(['env', 'PIPEC_SOURCE'], source ? formatPipecSource(source) : '');
  doc.setIn(['name'], `pipec: ${ctx.ir.project.title}`);
  const steps = doc.getIn(['jobs', 'tests', 'steps']) as { items: unknown[] } | undefined;
  const last = steps?.items.length ?? 0;
  if (last === 0) throw new Error('emit ci: ci/pipec.yml has no jobs.tests.steps');
  doc.setIn(['jobs', 'tests', 'steps', last - 1, 'run'], `python -m pytest -q src/${ctx.ir.project.name}/tests`);
  return makeFile('.github/workflows/pipec.yml', render(doc), ['project']);
}

/**
 * The pre-commit configuration: local hooks in a node environment that pre-commit builds from the
 * pinned source (never a bare package name); without a known source they fail with instructions.
 */
export function emitPreCommit(ctx: EmitContext): OutputFile {
  const doc = loadTemplate(ctx, 'ci/pre-commit-config.yaml');
  doc.setIn(['repos', 0, 'hooks', 1, 'entry'], `pipec compile ${DEFAULT_SPEC_PATH} --out . --check`);
  const source = ctx.assets.pipecSource;
  for (const i of [0, 1]) {
    if (source) {
      doc.setIn(['repos', 0, 'hooks', i, 'language'], 'node');
      doc.setIn(['repos', 0, 'hooks', i, 'additional_dependencies'], [npmSpecifier(source)]);
    } else {
      doc.setIn(['repos', 0, 'hooks', i, 'language'], 'fail');
      doc.setIn(['repos', 0, 'hooks', i, 'entry'], 'pipec was compiled without a pinned install source: recompile with PIPEC_INSTALL_SOURCE set (README.md, "CI and pre-commit")');
    }
  }
  return makeFile('.pre-commit-config.yaml', render(doc), []);
}

/** The CI part (registered in src/emit/parts.ts). */
export function emitCi(ctx: EmitContext): OutputFile[] {
  return [emitWorkflow(ctx), emitPreCommit(ctx)];
}
