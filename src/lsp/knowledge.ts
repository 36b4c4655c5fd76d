/**
 * What the server knows about names in a spec, read from the compiler's resolved model (the stdlib
 * merged in): facts with unit, description and producing epoch; epochs with title, dependencies, gate
 * rules and review; columns, derived features, tiers, models and metrics.
 */
import type { LibraryLoader } from '../compiler/stdlib-loader.js';
import type { ColumnDecl, DeriveDecl, FactDecl, Loc, ProblemKind, TierDecl } from '../compiler/model.js';
import type { ResolvedEpoch } from '../compiler/resolve-model.js';
import { MODEL_IDS } from '../ir/schema.js';
import { DEFAULT_METRIC, FORMULA_FUNCTIONS, MODEL_PROBLEM, STANDARD_METRICS, isModelId, modelFramework } from '../compiler/standard.js';
import type { Analysis, DataReader } from './analysis.js';

/** What the server needs from its surroundings (the CLI gives disk-backed ones, tests in-memory ones). */
export interface ServerEnv {
  loadLibrary: LibraryLoader;
  /** URI of a file named in diagnostics or declarations (`<stdlib>/lifecycle/x.pipeline`), or null. */
  uriOf(file: string): string | null;
  /** Text of a library file by display path (for showing gate rules written there). */
  textOf(file: string): string | null;
  /** URI of docs/diagnostics.md, for the links of diagnostic codes. */
  docsUri: string | null;
  /** The header and sample of a spec's data file (issue 12); absent: the data checks stay silent. */
  readData?: DataReader;
  /** Registers a call for when a sample `readData` could not give at once (Parquet) is ready. */
  onDataReady?: (listener: () => void) => void;
}

/** A fact and who produces it. */
export interface FactInfo {
  fact: FactDecl;
  epoch: ResolvedEpoch | null;
}

export const problemOf = (a: Analysis): ProblemKind => a.spec?.problem ?? a.project?.problem?.value ?? 'classification';

/** Facts by name (metric facts expanded for the problem kind). */
export function facts(a: Analysis): Map<string, FactInfo> {
  const out = new Map<string, FactInfo>();
  if (!a.spec) return out;
  const byId = new Map(a.spec.epochs.map((e) => [e.id, e]));
  for (const [name, owner] of a.spec.facts) out.set(name, { fact: owner.fact, epoch: byId.get(owner.epoch) ?? null });
  return out;
}

/** Epochs by id, sorted. */
export function epochs(a: Analysis): ResolvedEpoch[] {
  return a.spec?.epochs ?? [];
}

/** Title of an epoch (its own or the stdlib's). */
export function epochTitle(e: ResolvedEpoch): string {
  return e.override?.title?.value ?? e.base.title?.value ?? e.base.name?.value ?? '';
}

/** Source text of a located node (a gate rule, a generator) from the document or a library file. */
export function sourceOf(a: Analysis, env: ServerEnv, at: Loc): string {
  const text = at.file === a.path ? a.text : env.textOf(at.file);
  return text ? text.slice(at.range.start.offset, at.range.end.offset) : '';
}

/** Columns of the data block (the target included). */
export function columns(a: Analysis): ColumnDecl[] {
  return a.project?.data?.columns ?? [];
}

/** Derived features, in order. */
export function derives(a: Analysis): DeriveDecl[] {
  return a.project?.features?.derives ?? [];
}

/** Logical tiers: the library's, then the spec's. */
export function tiers(a: Analysis): Map<string, TierDecl> {
  return a.spec?.tiers ?? new Map((a.project?.domino?.tiers ?? []).map((t) => [t.name.value, t]));
}

/** Model ids usable for the problem kind. */
export function modelIds(problem: ProblemKind): string[] {
  return MODEL_IDS.filter((m) => (MODEL_PROBLEM[m] ?? problem) === problem);
}

/** One line about a model id. */
export function describeModel(id: string): string | null {
  if (!isModelId(id)) return null;
  const info = modelFramework(id);
  const only = MODEL_PROBLEM[id];
  return `model \`${id}\` — ${info.framework}${info.optional ? ' (optional: skipped with a reason when not installed)' : ''}${only ? `; ${only} only` : '; classification and regression'}`;
}

/** Standard metrics of a problem kind and its default. */
export function metricsOf(problem: ProblemKind): { all: readonly string[]; dflt: string } {
  return { all: STANDARD_METRICS[problem], dflt: DEFAULT_METRIC[problem] };
}

/** Formula functions with their arity. */
export const FUNCTIONS = FORMULA_FUNCTIONS as Readonly<Record<string, [number, number]>>;

/** Units of a quantity suffix, for hovers on `50MB`, `5m`, `20%`. */
export const QUANTITY_UNITS: Readonly<Record<string, string>> = {
  B: 'bytes', KB: 'kibibytes (1024 B)', MB: 'mebibytes (1024 KB)', GB: 'gibibytes (1024 MB)', TB: 'tebibytes (1024 GB)',
  ms: 'milliseconds', s: 'seconds', m: 'minutes', h: 'hours', d: 'days', '%': 'percent',
};
