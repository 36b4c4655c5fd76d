/**
 * Units of the language: quantities are normalised once here (sizes in bytes with binary multiples,
 * durations in seconds, percentages as 0..100), so checks and the IR compare like with like.
 */
import type { QuantityUnit } from '../grammar/syntax.js';
import type { Unit } from '../ir/schema.js';
import { DURATION_UNITS as DURATION, formatQuantity, SIZE_UNITS as SIZE } from '../catalogue/units.js';

/** The IR unit of a quantity suffix. */
export function unitOfQuantity(u: QuantityUnit): 'size' | 'duration' | 'percent' {
  if (u === '%') return 'percent';
  return u in SIZE ? 'size' : 'duration';
}

/** Normalise a quantity to its base unit (bytes, seconds, percent). */
export function normalizeQuantity(value: number, u: QuantityUnit): number {
  if (u === '%') return value;
  const k = SIZE[u] ?? DURATION[u] ?? 1;
  // Round away binary floating noise (0.1 * 1000) so the IR is stable across platforms.
  return Number((value * k).toPrecision(15));
}

/** Fact units a spec may name in `produces x: <unit>`. */
export const FACT_UNITS: readonly Unit[] = ['count', 'size', 'duration', 'percent', 'number', 'bool'];

/** Render a normalised value back the way a spec writes it (`52428800` bytes → `50MB`): the catalogue's renderer. */
export const formatValue: (value: unknown, unit: Unit) => string = formatQuantity;
