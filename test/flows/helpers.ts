/** Shared helpers of the flow tests: templates from disk, rendering, writing a project, running Python. */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Epoch, Ir } from '../../src/ir/schema.js';
import { outputsOf } from '../../src/emit/flows/handoff.js';
import { gateRulesDocument } from '../../src/emit/project-files.js';
import { createTemplateEngine } from '../../src/emit/handlebars.js';
import type { OutputFile } from '../../src/emit/types.js';
import { renderFlowFiles } from '../../src/emit/flows/render-flows.js';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const HERE = join(REPO, 'test/flows');
export const PYTHON = join(REPO, '.venv/bin/python');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** Every file under `root` keyed by its POSIX path relative to root (what the CLI passes as assets). */
export function readTree(root: string): Map<string, string> {
  return new Map(walk(root).map((p) => [relative(root, p).split('\\').join('/'), readFileSync(p, 'utf8')]));
}

/** Templates of stdlib/templates/. */
export function templates(): Map<string, string> {
  return readTree(join(REPO, 'stdlib/templates'));
}

/** The flow files for `ir`, with `others` standing for the rest of the generated project. */
export function renderFlows(ir: Ir, others: readonly OutputFile[] = []): OutputFile[] {
  return renderFlowFiles(ir, createTemplateEngine(templates()), others);
}

/** Writes files under a fresh temporary folder (or `dir`); returns the folder. */
export function writeProject(files: readonly OutputFile[], dir = mkdtempSync(join(tmpdir(), 'pipec-flows-'))): string {
  for (const f of files) {
    const p = join(dir, f.path);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, f.contents, { mode: f.executable ? 0o755 : 0o644 });
  }
  return dir;
}

/**
 * Runs test/flows/inspect_flow.py on a flow module; resolves with its parsed JSON (rejects with stderr on
 * failure). Asynchronous (see `py`): importing a flow under flytekit takes seconds.
 */
export async function inspectFlow(path: string, mode: 'absent' | 'standin' | 'local', env: Record<string, string> = {}): Promise<any> {
  const r = await py([join(HERE, 'inspect_flow.py'), path, mode], { env: { FLYTE_SDK_LOGGING_LEVEL: '40', ...env }, timeout: 120_000 });
  if (r.status !== 0) throw Object.assign(new Error(`inspect_flow.py ${mode} failed: ${r.stderr}`), { stderr: r.stderr });
  return JSON.parse(r.stdout.trim().split('\n').at(-1) as string);
}

/** The error output of importing a flow module that must fail (throws when it imports). */
export async function inspectFailure(path: string, mode: 'standin' | 'local' = 'standin'): Promise<string> {
  try {
    await inspectFlow(path, mode);
  } catch (err) {
    return String((err as { stderr?: string }).stderr ?? err);
  }
  throw new Error(`${path} imported, but it was expected to fail`);
}

/** Result of `py`. */
export interface PyResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a Python command; resolves with status, stdout and stderr. Asynchronous on purpose: flow runs
 * take minutes, and a synchronous child would block the vitest worker past its RPC timeout.
 */
export function py(args: string[], opts: { cwd?: string; env?: Record<string, string>; timeout?: number } = {}): Promise<PyResult> {
  return new Promise((resolveRun) => {
    const child = spawn(PYTHON, args, { cwd: opts.cwd, env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', ...opts.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeout ?? 300_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolveRun({ status, stdout, stderr });
    });
  });
}

/**
 * TEST-ONLY stand-in epoch script: records the epoch's facts through the real runtime (EpochContext)
 * and writes each file the flow declares for it (a parquet of PIPEC_ROWS rows for `.parquet`), where
 * the real scripts write their deliverables.
 */
export function standInScript(epoch: Epoch): string {
  const facts = epoch.produces.map((f) => `    ctx.record_fact(${JSON.stringify(f.name)}, ${f.unit === 'bool' ? 'True' : 'rows'})`);
  const writes = outputsOf(epoch).flatMap((o) => {
    if (o.source.kind !== 'glob') return [];
    const [where, rel] = (o.source.patterns[0] as string).split(':') as [string, string];
    const dir = where === 'data' ? 'ctx.paths.data_dir()' : 'ctx.paths.artifacts_dir()';
    const path = `${dir} / ${JSON.stringify(rel.replace('*', 'out'))}`;
    return rel.endsWith('.parquet')
      ? [`    pd.DataFrame({"x": range(rows)}).to_parquet(${path})`]
      : [`    (${path}).write_text("stand-in ${o.name}")`];
  });
  return [
    'import os',
    'import pandas as pd',
    'from pipec_runtime import EpochContext',
    '',
    `with EpochContext.start(${JSON.stringify(epoch.id)}) as ctx:`,
    '    rows = int(os.environ.get("PIPEC_ROWS") or 100)',
    ...writes,
    ...facts,
    '',
  ].join('\n');
}

/** A runnable project around the flow files: IR, vendored runtime, stand-in epoch scripts (TEST ONLY). */
export function standInProject(ir: Ir): OutputFile[] {
  const runtime = readTree(join(REPO, 'runtime/python/pipec_runtime'));
  const files: OutputFile[] = [
    { path: '.pipec/ir.json', contents: `${JSON.stringify(ir, null, 2)}\n`, sources: ['project'] },
    // The compiler's gate rules (the runtime reads them, never rebuilds them), listed in a manifest as a
    // real compile lists them, so each node's fresh working copy keeps them.
    { path: '.context/gate_rules.json', contents: `${JSON.stringify(gateRulesDocument(ir), null, 2)}\n`, sources: ['epochs'] },
    { path: '.pipec/manifest.json', contents: `${JSON.stringify({ files: [{ path: '.context/gate_rules.json' }] }, null, 2)}\n`, sources: ['project'] },
    ...[...runtime]
      .filter(([p]) => p.endsWith('.py'))
      .map(([p, c]) => ({ path: `src/pipec_runtime/${p}`, contents: c, sources: ['runtime'] })),
    ...ir.epochs.map((e) => ({
      path: `${e.dir}/scripts/run_epoch.py`,
      contents: standInScript(e),
      sources: [`epochs.${e.id}`],
    })),
  ];
  return files;
}
