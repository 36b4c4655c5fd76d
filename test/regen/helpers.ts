/** Shared helpers for the regeneration tests: temp folders, tree hashing, plan+apply in one call. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OutputFile } from '../../src/emit/types.js';
import { epochKeySets } from '../../src/ir/cache-keys.js';
import type { Ir } from '../../src/ir/schema.js';
import { applyPlan, buildPlan, type ApplyResult, type Plan } from '../../src/writer/index.js';

const created: string[] = [];

/** A fresh temp folder, removed by cleanupTmp (call it in afterAll). */
export function tmpDir(prefix = 'pipec-regen-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Remove every folder tmpDir created in this test file (kept with PIPEC_KEEP_TMP=1 for debugging). */
export function cleanupTmp(): void {
  if (process.env.PIPEC_KEEP_TMP === '1') return;
  for (const d of created.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** Plan and apply, as `pipec compile` does. */
export function compileTo(out: string, ir: Ir, files: OutputFile[], force = false): { plan: Plan; result: ApplyResult } {
  const plan = buildPlan({ outDir: out, ir, files, epochKeys: epochKeySets(ir, files), force });
  return { plan, result: applyPlan(plan) };
}

/** Plan only. */
export const planFor = (out: string, ir: Ir, files: OutputFile[]): Plan =>
  buildPlan({ outDir: out, ir, files, epochKeys: epochKeySets(ir, files) });

/** path → sha256 (+ mode bit) of every regular file under `dir`, skipping top-level names in `skip`. */
export function treeHashes(dir: string, skip: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (!rel && skip.includes(e.name)) continue;
      if (e.isDirectory()) walk(p);
      else {
        const exec = (statSync(join(dir, p)).mode & 0o100) !== 0 ? ':x' : '';
        out[p] = createHash('sha256').update(readFileSync(join(dir, p))).digest('hex') + exec;
      }
    }
  };
  walk('');
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Read a file under `dir` as text. */
export const read = (dir: string, path: string): string => readFileSync(join(dir, path), 'utf8');

/** Lines of the plan's files that are not `unchanged`, as `action path`. */
export const planLines = (plan: Plan): string[] =>
  plan.files.filter((f) => f.action !== 'unchanged').map((f) => `${f.action}${f.keep ? `(${f.keep})` : ''} ${f.path}`);
