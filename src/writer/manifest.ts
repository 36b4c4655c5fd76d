/**
 * `.pipec/manifest.json`: what pipec generated last time, so the next compile can tell a user's edit
 * from a spec change. Committed with the project, so it is deterministic (sorted, no timestamps, no
 * absolute paths) and small (hashes, not contents; the contents live in `.pipec/base/`).
 */
import { z } from 'zod';
import { sha256 } from './hash.js';
import { canonicalJson, irSection } from '../ir/cache-keys.js';
import type { Ir } from '../ir/schema.js';

export const MANIFEST_VERSION = 1;

/** One managed file as last generated. */
export const ManifestFileSchema = z.object({
  path: z.string(),
  /** sha256 of the generated content (also the content of `.pipec/base/<path>`). */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** IR sections that produced it (OutputFile.sources), sorted. */
  sources: z.array(z.string()),
  executable: z.boolean(),
});
export type ManifestFile = z.infer<typeof ManifestFileSchema>;

export const ManifestSchema = z.object({
  manifestVersion: z.literal(MANIFEST_VERSION),
  /** Sorted by path. */
  files: z.array(ManifestFileSchema),
  /** Hash of each IR section named by some file's sources: lets `plan` name the spec change. */
  sections: z.record(z.string(), z.string()),
  /**
   * Per-epoch keys (src/ir/cache-keys.ts) at the last compile: a changed code key means "rerun", a
   * changed gate key alone "re-check the gate". codeKey/gateKey are absent in manifests of pipec < 0.1.1.
   */
  epochs: z.record(z.string(), z.object({ dir: z.string(), cacheKey: z.string(), codeKey: z.string().optional(), gateKey: z.string().optional() })),
});
export type Manifest = z.infer<typeof ManifestSchema>;

/** The manifest of an output folder that pipec has never written: everything is new. */
export function emptyManifest(): Manifest {
  return { manifestVersion: MANIFEST_VERSION, files: [], sections: {}, epochs: {} };
}

/** Stable text: sorted files and keys, two-space indent, final newline. */
export function serializeManifest(m: Manifest): string {
  const files = [...m.files]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((f) => ({ path: f.path, sha256: f.sha256, sources: [...f.sources].sort(), executable: f.executable }));
  const sorted = (r: Record<string, unknown>) =>
    Object.fromEntries(Object.keys(r).sort().map((k) => [k, r[k]]));
  const epochs = Object.fromEntries(
    Object.keys(m.epochs)
      .sort()
      .map((k) => {
        const e = m.epochs[k]!;
        return [k, { dir: e.dir, cacheKey: e.cacheKey, codeKey: e.codeKey, gateKey: e.gateKey }];
      }),
  );
  const out = { manifestVersion: m.manifestVersion, files, sections: sorted(m.sections), epochs };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/**
 * Parse manifest text. A manifest that is not ours (corrupt, hand-broken, from a newer pipec) is
 * reported, not guessed at: the caller turns the message into a usage error.
 */
export function parseManifest(text: string): { manifest: Manifest } | { error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { error: `not valid JSON (${(e as Error).message})` };
  }
  const parsed = ManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { error: `unexpected shape at ${issue?.path.join('.') || '<root>'}: ${issue?.message ?? 'invalid'}` };
  }
  return { manifest: parsed.data };
}

/**
 * sha256 of each named IR section (the same resolution and canonical JSON as the cache keys, so the
 * plan's "which spec change" and "which epoch reruns" can never disagree about a section). A name
 * that resolves to no section hashes the whole IR: conservative, it changes with any spec change.
 */
export function sectionHashes(ir: Ir, sources: Iterable<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of [...new Set(sources)].sort()) {
    // A source that names no section (`ir` for .pipec/ir.json) depends on the whole IR.
    const v = irSection(ir, s);
    out[s] = sha256(canonicalJson(v === undefined ? ir : v));
  }
  return out;
}
