/**
 * The data behind the generated `config.py`: IR sections reshaped for Python (snake_case keys), so
 * the package reads every spec-driven value from config and templates stay generic.
 */
import type { Ir } from '../../ir/schema.js';
import { catalogueView } from './catalogue-view.js';

/** Plain JSON-like values rendered with `py_repr` in config.py.hbs. */
export interface ConfigView {
  limits: Record<string, number>;
  data: unknown;
  features: unknown;
  models: unknown;
  deploy: unknown;
  epochs: unknown[];
  columns: unknown[];
  numericColumns: string[];
  categoryColumns: string[];
  /** Per-column formula text for documents. */
  derives: { name: string; formula: unknown }[];
  sourceFile: string | null;
  sourceFormat: string | null;
  rows: number | null;
  seed: number;
  tiers: Record<string, string>;
  risks: unknown[];
  /** The language catalogue (models, metrics) the package builds and scores models from. */
  catalogue: ReturnType<typeof catalogueView>;
}

/** Builds the config view from the IR. */
export function configView(ir: Ir): ConfigView {
  const cols = ir.data.columns;
  return {
    limits: {
      max_file_size_bytes: ir.limits.maxFileSizeBytes,
      max_memory_bytes: ir.limits.maxMemoryBytes,
      chunk_rows: ir.limits.chunkRows,
      checkpoint_every_percent: ir.limits.checkpoint.everyPercent,
      checkpoint_every_seconds: ir.limits.checkpoint.everySeconds,
    },
    data: ir.data,
    features: ir.features,
    models: ir.models,
    deploy: ir.deploy,
    epochs: ir.epochs.map((e) => ({
      id: e.id,
      name: e.name,
      title: e.title,
      dir: e.dir,
      experiment: e.experiment,
      after: e.after,
      minutes: e.estimate.minutes,
      memory_gb: e.estimate.memoryGb,
      tier: e.tier,
    })),
    columns: cols,
    numericColumns: cols.filter((c) => c.type === 'int' || c.type === 'float').map((c) => c.name),
    categoryColumns: cols.filter((c) => c.type === 'category' || c.type === 'bool').map((c) => c.name),
    derives: ir.features.derives.map((d) => ({ name: d.name, formula: d.formula })),
    sourceFile: ir.data.kind === 'file' ? ir.data.path : null,
    sourceFormat: ir.data.kind === 'file' ? ir.data.format : null,
    rows: ir.data.kind === 'synthetic' ? ir.data.rows : null,
    seed: ir.data.kind === 'synthetic' ? ir.data.seed : ir.features.split.seed,
    tiers: ir.domino.tiers,
    risks: ir.risks,
    catalogue: catalogueView(),
  };
}
