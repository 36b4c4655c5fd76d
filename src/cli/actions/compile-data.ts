/**
 * A spec's `data file "x.csv"` names a file beside the spec. Emitters are pure and cannot copy it, so
 * the compile verb places it where epoch 002 looks first: `<out>/data/<project>/<name>` (the local
 * stand-in for `/mnt/data/<project>`). The copy is unmanaged data (never in the manifest, never merged):
 * it is refreshed only when the source's bytes differ, and a missing source is a warning, since on Domino
 * the file usually lives in the project's dataset already.
 */
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Ir } from '../../ir/schema.js';

/** What happened to the data file, for the compile report. */
export type DataCopyResult =
  | { kind: 'none' }
  | { kind: 'copied' | 'unchanged'; from: string; to: string }
  | { kind: 'missing'; from: string };

/** Byte comparison in 1 MiB chunks: source data can be far larger than memory should hold. */
function sameBytes(a: string, b: string): boolean {
  if (statSync(a).size !== statSync(b).size) return false;
  const [fa, fb] = [openSync(a, 'r'), openSync(b, 'r')];
  try {
    const [ba, bb] = [Buffer.alloc(1 << 20), Buffer.alloc(1 << 20)];
    for (;;) {
      const na = readSync(fa, ba, 0, ba.length, null);
      const nb = readSync(fb, bb, 0, bb.length, null);
      if (na !== nb || !ba.subarray(0, na).equals(bb.subarray(0, nb))) return false;
      if (na === 0) return true;
    }
  } finally {
    closeSync(fa);
    closeSync(fb);
  }
}

/** Copy the spec's data file into the output's local dataset folder when needed. */
export function placeDataFile(ir: Ir, specPath: string, outDir: string): DataCopyResult {
  if (ir.data.kind !== 'file') return { kind: 'none' };
  const from = resolve(dirname(specPath), ir.data.path);
  // The compiler rejects absolute and escaping paths (PC3015); basename() keeps the target inside outDir.
  const to = join(outDir, 'data', ir.project.name, basename(ir.data.path));
  if (!existsSync(from)) return { kind: 'missing', from };
  if (existsSync(to) && sameBytes(from, to)) return { kind: 'unchanged', from, to };
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
  return { kind: 'copied', from, to };
}
