/**
 * The IR: the fully resolved spec (stdlib merged, defaults applied, epochs topologically ordered).
 * It is the one contract between the front end (compiler/lower-*.ts), the emitters (emit/), the flow
 * target, `pipec run`, and the Python runtime (which reads it as `.pipec/ir.json`).
 *
 * Rules: JSON-serialisable, no source ranges, every unit normalised (sizes in bytes, durations in
 * seconds, percentages as 0..100 numbers), every list sorted or in a meaningful documented order.
 * Validate at every boundary with `IrSchema.parse`.
 */
import { z } from 'zod';
import { BUDGETS, COMPUTE_ENGINES, FRAMEWORK_NAMES, MODEL_IDS } from '../catalogue/index.js';
import { FeasibilitySchema } from './feasibility-schema.js';

export const IR_VERSION = 1;

/** Unit of a fact or gate value. */
export const UnitSchema = z.enum(['count', 'size', 'duration', 'percent', 'number', 'bool']);
export type Unit = z.infer<typeof UnitSchema>;

/** A formula: arithmetic over columns, as written in `derive` and target formulas. */
export type Formula =
  | { kind: 'num'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'col'; name: string }
  | { kind: 'unary'; op: '-' | 'not'; arg: Formula }
  | { kind: 'bin'; op: '+' | '-' | '*' | '/' | '^' | '<' | '<=' | '>' | '>=' | '==' | '!=' | 'and' | 'or'; left: Formula; right: Formula }
  | { kind: 'call'; fn: 'log' | 'exp' | 'sqrt' | 'abs' | 'min' | 'max'; args: Formula[] };

export const FormulaSchema: z.ZodType<Formula> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('num'), value: z.number() }),
    z.object({ kind: z.literal('bool'), value: z.boolean() }),
    z.object({ kind: z.literal('col'), name: z.string() }),
    z.object({ kind: z.literal('unary'), op: z.enum(['-', 'not']), arg: FormulaSchema }),
    z.object({
      kind: z.literal('bin'),
      op: z.enum(['+', '-', '*', '/', '^', '<', '<=', '>', '>=', '==', '!=', 'and', 'or']),
      left: FormulaSchema,
      right: FormulaSchema,
    }),
    z.object({ kind: z.literal('call'), fn: z.enum(['log', 'exp', 'sqrt', 'abs', 'min', 'max']), args: z.array(FormulaSchema) }),
  ]),
);

export const DistributionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('uniform'), low: z.number(), high: z.number() }),
  z.object({ kind: z.literal('normal'), mean: z.number(), std: z.number() }),
  z.object({ kind: z.literal('lognormal'), mean: z.number(), sigma: z.number() }),
  z.object({ kind: z.literal('beta'), a: z.number(), b: z.number() }),
]);
export type Distribution = z.infer<typeof DistributionSchema>;

/** One category and its share; shares of a column sum to 100. Order as written in the spec. */
export const CategoryShareSchema = z.object({ value: z.string(), share: z.number() });

export const ColumnSchema = z.object({
  name: z.string(),
  /** `id` and `ignore` columns never reach a model; `datetime` columns become calendar features. */
  type: z.enum(['int', 'float', 'category', 'bool', 'id', 'ignore', 'datetime', 'text']),
  /** Numeric generator; null for category columns and for file data. */
  distribution: DistributionSchema.nullable(),
  categories: z.array(CategoryShareSchema).nullable(),
  clip: z.object({ low: z.number(), high: z.number() }).nullable(),
  /** Percent (0..100) of values set missing. */
  missing: z.number(),
});
export type Column = z.infer<typeof ColumnSchema>;

export const TargetSchema = z.object({
  name: z.string(),
  kind: z.enum(['binary', 'category', 'float']),
  /**
   * binary: `logistic(expr)` gives P(target=1); float: `linear(expr)` plus `noise`;
   * category: `categories` shares (independent of features) or null for file data.
   */
  generator: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('logistic'), formula: FormulaSchema }),
      z.object({ kind: z.literal('linear'), formula: FormulaSchema, noise: DistributionSchema.nullable() }),
      z.object({ kind: z.literal('categories'), categories: z.array(CategoryShareSchema) }),
    ])
    .nullable(),
});

export const DataSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('synthetic'),
    rows: z.number().int().positive(),
    seed: z.number().int(),
    columns: z.array(ColumnSchema),
    target: TargetSchema,
  }),
  z.object({
    kind: z.literal('file'),
    /** As written in the spec, relative to the spec's folder (POSIX separators). */
    path: z.string(),
    format: z.enum(['csv', 'parquet']),
    /** Columns the spec declares about the file (may be empty: inferred at run time). */
    columns: z.array(ColumnSchema),
    target: TargetSchema,
  }),
]);
export type Data = z.infer<typeof DataSchema>;

export const FeaturesSchema = z.object({
  derives: z.array(z.object({ name: z.string(), formula: FormulaSchema })),
  encodings: z.array(z.object({ column: z.string(), method: z.enum(['onehot', 'ordinal']) })),
  scale: z.enum(['standard', 'minmax', 'robust', 'none']),
  split: z.object({ testPercent: z.number(), stratify: z.boolean(), seed: z.number().int() }),
});

export { MODEL_IDS };
export const ModelIdSchema = z.enum(MODEL_IDS);

export const ModelSchema = z.object({
  id: ModelIdSchema,
  framework: z.enum(FRAMEWORK_NAMES),
  /** Frameworks that are heavy/optional: skipped with a logged reason when not installed. */
  optional: z.boolean(),
});

export const ModelsSchema = z.object({
  baselines: z.array(ModelSchema),
  tune: z
    .object({
      /** Which model to tune: `best` (by the primary metric) or a model id. */
      target: z.string(),
      budgetTrials: z.number().int().positive(),
      cvFolds: z.number().int().positive(),
      strategy: z.enum(['halving_random', 'random']),
      /** `within 10m`: the search stops before a candidate that would pass it (seconds); null = no limit. */
      timeSeconds: z.number().positive().nullable().default(null),
    })
    .nullable(),
  /** `baseline ... within 2m each`: each baseline's cross-validation time cap (seconds); null = none. */
  baselineTimeSeconds: z.number().positive().nullable().default(null),
  /**
   * Training rows above which selection (ranking, tuning, threshold) runs on a stratified seeded sample of
   * this many rows; the final model is refitted on all of them. null = `sample off` (every row).
   */
  selectionSampleRows: z.number().int().positive().nullable().default(BUDGETS.defaultSelectionSampleRows),
});

/** A typed quantity an epoch records (`data.rows`, `metric.f1_score`, `drift_checks`). */
export const FactSchema = z.object({ name: z.string(), unit: UnitSchema, description: z.string() });
export type Fact = z.infer<typeof FactSchema>;

export const GateOpSchema = z.enum(['>=', '>', '<=', '<', '==', '!=']);

/** One handoff rule: `fact op value`, value in the fact's normalised unit. */
export const GateRuleSchema = z.object({
  /** Stable id: `<epoch>:<index>`, e.g. `005:2`. */
  id: z.string(),
  fact: z.string(),
  op: GateOpSchema,
  value: z.union([z.number(), z.boolean()]),
  unit: UnitSchema,
  /** Human text: the spec's message, or the rule rendered (`metric.f1_score >= 0.7`). */
  message: z.string(),
  /** Where it came from: the stdlib lifecycle or the user's spec. */
  origin: z.enum(['stdlib', 'spec']),
});
export type GateRule = z.infer<typeof GateRuleSchema>;

/**
 * A distributed cluster an epoch runs on (`compute cluster dask { ... }`). Absent: the epoch runs on one
 * machine (pandas). Locally the runtime starts a LocalCluster of `workers` × `workerMemoryBytes`; on
 * Domino the flow attaches an on-demand cluster (ComputeClusterProperties) of the same shape.
 */
export const ComputeSchema = z.object({
  engine: z.enum(COMPUTE_ENGINES),
  workers: z.number().int().positive(),
  /** Logical tier of each worker (a key of `domino.tiers`). */
  workerTier: z.string(),
  /** Memory limit of each worker, bytes. */
  workerMemoryBytes: z.number().positive(),
});
export type Compute = z.infer<typeof ComputeSchema>;

export const EpochSchema = z.object({
  /** Three digits, `001`..`999`. */
  id: z.string().regex(/^\d{3}$/),
  /** snake_case name: `data_wrangling`, `drift_watch`. */
  name: z.string(),
  title: z.string(),
  /** Folder in the generated project: `epoch002-data-wrangling`. */
  dir: z.string(),
  agent: z.string(),
  /** MLflow experiment name, `{project}_data` or `{project}_model`. */
  experiment: z.string(),
  /** Direct prerequisites (epoch ids), sorted. */
  after: z.array(z.string()),
  /** Logical tier name (a key of `domino.tiers`). */
  tier: z.string(),
  estimate: z.object({ minutes: z.number(), memoryGb: z.number() }),
  deliverables: z.array(z.string()),
  produces: z.array(FactSchema),
  gate: z.array(GateRuleSchema),
  /** Human review required after this epoch before downstream epochs start. */
  review: z.object({ title: z.string() }).nullable(),
  /** User-defined epoch (not in the stdlib): the generated script is a scaffold to fill in. */
  custom: z.boolean(),
  timeoutSeconds: z.number().positive().nullable(),
  retries: z.number().int().nonnegative(),
  compute: ComputeSchema.optional(),
});
export type Epoch = z.infer<typeof EpochSchema>;

export const LimitsSchema = z.object({
  maxFileSizeBytes: z.number().positive(),
  maxMemoryBytes: z.number().positive(),
  chunkRows: z.number().int().positive(),
  checkpoint: z.object({ everyPercent: z.number().positive(), everySeconds: z.number().positive() }),
});

export const IrSchema = z.object({
  irVersion: z.literal(IR_VERSION),
  project: z.object({
    /** Identifier, safe as a Python package and folder name. */
    name: z.string().regex(/^[a-z][a-z0-9_]*$/),
    title: z.string(),
    objective: z.string(),
    problem: z.enum(['classification', 'regression']),
    /** Primary metric; always one of `metrics`. */
    metric: z.string(),
    /** All standard metrics of the problem kind, in canonical order. */
    metrics: z.array(z.string()),
    /** Marked for production (`promote production ...`): unpinned settings are warned about. */
    production: z.boolean(),
  }),
  uses: z.array(z.string()),
  domino: z.object({
    environment: z.string(),
    /**
     * How `environment` is given: `id` (24 hex, to DominoJobConfig.EnvironmentId), `name` (a display
     * name, to run_domino_job_task's environment_name) or `default` (none written: the project default).
     * Defaults to `name` for IR written before ids existed (all values were passed as written).
     */
    environmentBy: z.enum(['id', 'name', 'default']).default('name'),
    /** Logical tier name → Domino hardware tier id or display name. Sorted by key. */
    tiers: z.record(z.string(), z.string()),
    /** Logical tiers whose value is a hardware tier id (`tier small id "small-k8s"`); the rest are names. Sorted. */
    tierIds: z.array(z.string()).default([]),
    volumeSizeGiB: z.number().positive().nullable(),
    gitRef: z.string().nullable(),
  }),
  limits: LimitsSchema,
  data: DataSchema,
  features: FeaturesSchema,
  models: ModelsSchema,
  /** Topologically ordered (ties by id). */
  epochs: z.array(EpochSchema),
  deploy: z.object({
    api: z.object({ path: z.string(), latencyP95Seconds: z.number().positive() }).nullable(),
    app: z.object({ kind: z.literal('streamlit'), title: z.string() }).nullable(),
    /** Registry alias set after the final review (MLflow 3 aliases, not stages). */
    promote: z.object({ alias: z.string(), afterReview: z.boolean() }).nullable(),
  }),
  risks: z.array(
    z.object({
      title: z.string(),
      probability: z.enum(['low', 'medium', 'high']),
      impact: z.enum(['low', 'medium', 'high']),
      mitigation: z.string(),
    }),
  ),
  /**
   * What the data can deliver against each gate (src/ir/feasibility-schema.ts), filled by the
   * compiler after lowering; absent from IRs written by hand (test fixtures) and older compilers.
   */
  feasibility: FeasibilitySchema.optional(),
});

export type Ir = z.infer<typeof IrSchema>;
