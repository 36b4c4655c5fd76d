/**
 * The IR's `feasibility` block: what the compiler knows, before anything runs, about whether each gate
 * can pass and what the data can deliver. Filled by src/compiler/feasibility (after lowering); read by
 * `pipec check`, `pipec plan` and epoch 001's planning documents. Numbers are rounded (4 significant
 * digits) so the IR stays byte-identical across platforms.
 */
import { z } from 'zod';

/** How a gate compares with what the data can deliver. */
export const VerdictSchema = z.enum(['feasible', 'marginal', 'unreachable', 'unknown']);
export type Verdict = z.infer<typeof VerdictSchema>;

/** The oracle's value of one standard metric: the generating formula itself, scored on simulated rows. */
export const OracleMetricSchema = z.object({
  metric: z.string(),
  value: z.number(),
  /** Half-width of the 95% interval of the metric measured on the test split's rows. */
  halfWidth: z.number(),
  /** `upper`/`lower`: no model can do better (Bayes limit); `estimate`: a typical value, not a bound. */
  bound: z.enum(['upper', 'lower', 'estimate']),
});
export type OracleMetric = z.infer<typeof OracleMetricSchema>;

/** One gate rule checked before running. */
export const GateFeasibilitySchema = z.object({
  /** The rule's id (`005:2`). */
  rule: z.string(),
  fact: z.string(),
  op: z.string(),
  value: z.union([z.number(), z.boolean()]),
  /** The fact's unit, as in the gate rule (sizes in bytes, percentages 0..100). */
  unit: z.string(),
  /** What the data can deliver for the fact (the oracle's value, or an exact count/size); null if unknown. */
  expected: z.number().nullable(),
  halfWidth: z.number(),
  verdict: VerdictSchema,
});
export type GateFeasibility = z.infer<typeof GateFeasibilitySchema>;

/** Size and memory estimated from rows × columns × types (calibrated on pyarrow/zstd parquet). */
export const ResourceEstimateSchema = z.object({
  /** Rows the data step will produce (synthetic: the spec's rows; file: null, unknown until read). */
  rows: z.number().int().nullable(),
  bytesPerRow: z.number(),
  /** Estimated size of the combined data file. */
  fileBytes: z.number().nullable(),
  maxFileSizeBytes: z.number(),
  /** Rows that fit under max_file_size when the file would be down-sampled, else null. */
  rowsThatFit: z.number().int().nullable(),
  /** Estimated peak memory of the epochs that hold the data, by epoch id (sorted). */
  peakMemoryBytes: z.record(z.string(), z.number()),
  maxMemoryBytes: z.number(),
});

export const FeasibilitySchema = z.object({
  /** `oracle`: synthetic data simulated; `none`: file data (`pipec check --deep` measures it). */
  method: z.enum(['oracle', 'none']),
  /** Rows simulated for the oracle (0 for file data). */
  sampleRows: z.number().int().nonnegative(),
  /** Rows of the test split the gates are measured on (null when the row count is unknown). */
  testRows: z.number().int().nullable(),
  /** Every standard metric of the problem kind, in canonical order (empty for file data). */
  metrics: z.array(OracleMetricSchema),
  /** Gate rules whose fact the compiler can predict, in epoch order. */
  gates: z.array(GateFeasibilitySchema),
  resources: ResourceEstimateSchema,
});
export type Feasibility = z.infer<typeof FeasibilitySchema>;
