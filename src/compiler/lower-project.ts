/**
 * Lowering the resolved spec to the IR: every default applied, units normalised, epochs ordered,
 * and the result validated with IrSchema (a failure here is a pipec bug, never a user error).
 */
import { IR_VERSION, IrSchema, type Ir } from '../ir/schema.js';
import { lowerData, lowerFeatures, lowerModels } from './lower-data.js';
import { DEFAULT_TIER, lowerEpochs } from './lower-epochs.js';
import type { ResolvedSpec } from './resolve-model.js';
import { LIMIT_DEFAULTS } from '../catalogue/index.js';
import { maxMemoryOf } from './limits-of.js';
import { DEFAULT_METRIC, PLATFORM, STANDARD_METRICS } from './standard.js';

/** Environment used when the spec's domino block names none. */
export const DEFAULT_ENVIRONMENT = 'Domino Standard Environment Py3.11';

function lowerLimits(spec: ResolvedSpec): Ir['limits'] {
  const u = spec.project.limits;
  const l = spec.library?.limits;
  return {
    maxFileSizeBytes: (u?.maxFileSize ?? l?.maxFileSize)?.value ?? PLATFORM.maxFileSizeBytes,
    maxMemoryBytes: maxMemoryOf(spec).bytes,
    chunkRows: (u?.chunkRows ?? l?.chunkRows)?.value ?? LIMIT_DEFAULTS.chunkRows,
    checkpoint: {
      everyPercent: (u?.checkpointPercent ?? l?.checkpointPercent)?.value ?? LIMIT_DEFAULTS.checkpointEveryPercent,
      everySeconds: (u?.checkpointSeconds ?? l?.checkpointSeconds)?.value ?? LIMIT_DEFAULTS.checkpointEverySeconds,
    },
  };
}

function lowerDomino(spec: ResolvedSpec, usedTiers: string[]): Ir['domino'] {
  const d = spec.project.domino;
  const tiers: Record<string, string> = {};
  const entries = new Map([...spec.tiers.entries()].map(([k, t]) => [k, t.hardware.value]));
  const tierIds = [...spec.tiers.entries()].filter(([, t]) => t.byId).map(([k]) => k).sort();
  // An implicit default tier must still map to hardware, even without a library.
  for (const t of usedTiers) if (!entries.has(t) && t === DEFAULT_TIER) entries.set(t, 'Small');
  for (const k of [...entries.keys()].sort()) tiers[k] = entries.get(k) as string;
  return {
    environment: d?.environment?.value ?? DEFAULT_ENVIRONMENT,
    environmentBy: d?.environment ? (d.environmentById ? 'id' : 'name') : 'default',
    tiers,
    tierIds: tierIds.filter((k) => k in tiers),
    volumeSizeGiB: d?.volumeGiB?.value ?? null,
    gitRef: d?.gitRef?.value ?? null,
  };
}

/**
 * Lower a checked, resolved spec to the validated IR. `validate: false` skips the schema validation
 * (a check of pipec itself): `pipec check` lowers only to feed the feasibility pass, and never emits.
 */
export function lowerSpec(spec: ResolvedSpec, opts: { validate?: boolean } = {}): Ir {
  const p = spec.project;
  const epochs = lowerEpochs(spec);
  const deploy = p.deploy;
  const ir: Ir = {
    irVersion: IR_VERSION,
    project: {
      name: p.name.value,
      title: p.title?.value ?? p.name.value,
      objective: p.objective?.value ?? '',
      problem: spec.problem,
      metric: p.metric?.value ?? DEFAULT_METRIC[spec.problem],
      metrics: [...STANDARD_METRICS[spec.problem]],
      production: deploy?.promote?.alias.value === 'production',
    },
    uses: [...new Set(p.uses.map((u) => u.name.value))].sort(),
    domino: lowerDomino(spec, epochs.flatMap((e) => [e.tier, ...(e.compute ? [e.compute.workerTier] : [])])),
    limits: lowerLimits(spec),
    data: lowerData(spec),
    features: lowerFeatures(spec),
    models: lowerModels(spec),
    epochs,
    deploy: {
      api: deploy?.api ? { path: deploy.api.path.value, latencyP95Seconds: deploy.api.latency?.value ?? 0.5 } : null,
      app: deploy?.app ? { kind: 'streamlit', title: deploy.app.title.value } : null,
      promote: deploy?.promote ? { alias: deploy.promote.alias.value, afterReview: deploy.promote.afterReview } : null,
    },
    risks: p.risks.map((r) => ({
      title: r.title.value,
      probability: r.probability?.value ?? 'medium',
      impact: r.impact?.value ?? 'medium',
      mitigation: r.mitigation?.value ?? '',
    })),
  };
  if (opts.validate === false) return ir;
  const parsed = IrSchema.safeParse(ir);
  if (!parsed.success) throw new Error(`internal: lowered IR is invalid: ${parsed.error.message}`);
  return parsed.data;
}
