/**
 * The shared front half of `pipec compile`, `compile --check`, `compile --watch` and `pipec plan`:
 * read + check the spec, apply `--set`, emit, compute cache keys, and plan against the output folder.
 * Heavy modules (compiler, emitters, templates) are imported lazily so the CLI starts fast.
 */
import type { Ir } from '../../ir/schema.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import { hasErrors } from '../../diagnostics/types.js';
import type { Plan } from '../../writer/plan.js';
import { existsSync, statSync } from 'node:fs';
import { UsageError } from '../exit.js';
import { loadAndCheck, readSpecFile } from '../load-spec.js';
import { applyOverrides } from './compile-set.js';
import type { DiagnosticFormat } from './output.js';
import { makeDiagnostic } from '../../diagnostics/make.js';
import type { DiagnosticCode } from '../../diagnostics/types.js';

/** Options every regeneration verb shares. */
export interface RegenOptions {
  out: string;
  set?: string[];
  force?: boolean;
  /** Skip the no-op fast path (`pipec plan` always computes the full plan). */
  fullPlan?: boolean;
  format?: DiagnosticFormat;
  color?: boolean;
}

/** Diagnostics that stop the verb, a plan (with any warnings to show), or "up to date" by the fast path. */
export type Prepared =
  | { kind: 'stop'; diagnostics: Diagnostic[]; sources: ReadonlyMap<string, string>; exitCode: number }
  | { kind: 'fresh' }
  | { kind: 'plan'; plan: Plan; ir: Ir; warnings: Diagnostic[]; sources: ReadonlyMap<string, string> };

/** A folder-level problem as a diagnostic (PC95xx), pointing at the output folder. */
export function folderDiagnostic(code: DiagnosticCode, message: string, out: string): Diagnostic {
  return makeDiagnostic({ code, message, file: out });
}

/**
 * Check, override, emit and plan. `mode: 'write'` first completes or rolls back an interrupted
 * compile (so the plan sees a consistent tree); `'read'` reports one instead and writes nothing.
 */
export async function prepare(spec: string, opts: RegenOptions, mode: 'read' | 'write'): Promise<Prepared> {
  if (existsSync(opts.out) && !statSync(opts.out).isDirectory()) throw new UsageError(`--out ${opts.out} exists and is not a folder`);
  // No-op fast path (compile and --check only; plan always explains in full): same inputs as the
  // last compile and nothing on disk needing attention means nothing to do — skip check and emit.
  let fingerprint: string | undefined;
  if (!opts.force && !opts.fullPlan) {
    const { inputFingerprint } = await import('./compile-fingerprint.js');
    // The install source recorded in the CI files is an input too (src/cli/pipec-source.ts).
    const sets = [...(opts.set ?? []), `PIPEC_INSTALL_SOURCE=${process.env.PIPEC_INSTALL_SOURCE ?? ''}`];
    fingerprint = inputFingerprint(readSpecFile(spec).text, sets) ?? undefined;
    const { isUpToDateFast } = await import('../../writer/fast-path.js');
    if (fingerprint !== undefined && isUpToDateFast(opts.out, fingerprint)) return { kind: 'fresh' };
  }
  const checked = await loadAndCheck(spec);
  const sources = checked.sources;
  if (hasErrors(checked.diagnostics) || checked.ir === null) {
    return { kind: 'stop', diagnostics: checked.diagnostics, sources, exitCode: 1 };
  }
  const overridden = applyOverrides(checked.ir, opts.set ?? []);
  if ('diagnostics' in overridden) return { kind: 'stop', diagnostics: overridden.diagnostics, sources, exitCode: 2 };
  let ir = overridden.ir;
  if ((opts.set ?? []).length > 0 && ir.feasibility) {
    // An override (`--set data.rows=...`) changes what the data can deliver: assess the final IR again.
    const { assessFeasibility } = await import('../../compiler/feasibility/assess.js');
    ir = { ...ir, feasibility: assessFeasibility(ir) };
  }
  const [{ emitProject }, { loadAssets }, { epochKeySets }, writer] = await Promise.all([
    import('../../emit/index.js'),
    import('../load-assets.js'),
    import('../../ir/cache-keys.js'),
    import('../../writer/index.js'),
  ]);
  const { resolvePipecSource } = await import('../pipec-source.js');
  const files = emitProject(ir, { ...(await loadAssets()), pipecSource: resolvePipecSource() });
  try {
    if (writer.hasPendingTransaction(opts.out)) {
      if (mode === 'read') {
        const d = folderDiagnostic('PC9504', `an interrupted compile left ${opts.out}/${writer.TXN_DIR}; run \`pipec compile\` to complete it`, opts.out);
        return { kind: 'stop', diagnostics: [d], sources, exitCode: 1 };
      }
      const { markStale } = await staleHook(opts.out);
      writer.recoverOutput(opts.out, { markStale });
    }
    const plan = writer.buildPlan({
      outDir: opts.out,
      ir,
      files,
      epochKeys: epochKeySets(ir, files),
      force: opts.force ?? false,
      // Only a writing compile records the fingerprint; --check and plan write nothing.
      ...(mode === 'write' && fingerprint !== undefined ? { fingerprint } : {}),
    });
    return { kind: 'plan', plan, ir, warnings: checked.diagnostics, sources };
  } catch (e) {
    if (e instanceof writer.OutputFolderError) {
      return { kind: 'stop', diagnostics: [folderDiagnostic(e.code, e.message, opts.out)], sources, exitCode: 2 };
    }
    throw e;
  }
}

/** Warnings raised while marking stale (printed after the report), and the epochs actually marked. */
export const staleWarnings: string[] = [];
export const staleMarked: string[] = [];

/** The hook that marks epochs stale in pipec's run record of the generated project (no Python). */
export async function staleHook(out: string, reasons: Readonly<Record<string, string[]>> = {}): Promise<{ markStale: (ids: string[]) => void }> {
  const { markStaleInRecord } = await import('../../writer/mark-stale.js');
  return {
    markStale: (ids) => {
      const r = markStaleInRecord(out, ids, reasons);
      if (!r.ok) staleWarnings.push(r.message);
      else staleMarked.push(...r.marked);
    },
  };
}
