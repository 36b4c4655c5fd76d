/**
 * Units of the language: quantities are normalised once here (sizes in bytes with binary multiples,
 * durations in seconds, percentages as 0..100), so checks and the IR compare like with like.
 */
import type { QuantityUnit } from '../grammar/syntax.js';
import type { Unit } from '../ir/schema.js';
import { DURATION_UNITS as DURATION, SIZE_UNITS as SIZE } from '../catalogue/units.js';

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

/**
 * Render a normalised value back the way a spec writes it (`52428800` bytes → `50MB`, `300` seconds →
 * `5m`), for messages and the generated docs.
 */
export function formatValue(value: unknown, unit: Unit): string {
  if (typeof value !== 'number') return String(value);
  if (unit === 'percent') return `${value}%`;
  if (unit === 'size') return formatScaled(value, SIZE);
  if (unit === 'duration') return formatScaled(value, DURATION);
  return String(value);
}

function formatScaled(value: number, table: Record<string, number>): string {
  const entries = Object.entries(table).sort((a, b) => b[1] - a[1]);
  for (const [suffix, k] of entries) {
    if (value >= k && Number.isInteger(Number((value / k).toPrecision(12)))) return `${Number((value / k).toPrecision(12))}${suffix}`;
  }
  const smallest = entries[entries.length - 1];
  return smallest ? `${Number((value / smallest[1]).toPrecision(12))}${smallest[0]}` : String(value);
}
