/**
 * Units of the language's quantities: the suffixes a spec may write and what they are worth in the
 * base unit the IR stores (sizes in bytes with binary multiples, durations in seconds, percent as
 * 0..100). compiler/units.ts normalises with them; formatQuantity renders a stored value back the way a
 * spec writes it, for every place that shows one (messages, docs, `pipec graph`, generated text).
 */

/** Size suffix → bytes (binary multiples, as Domino's limits are stated). */
export const SIZE_UNITS: Readonly<Record<string, number>> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4 };

/** Duration suffix → seconds. */
export const DURATION_UNITS: Readonly<Record<string, number>> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 };

/**
 * A stored value in its unit, the way a spec writes it: `52428800` bytes → `50MB`, `300` seconds → `5m`,
 * `0.1` seconds → `100ms`, percent → `5%`; other units and non-numbers as they are.
 */
export function formatQuantity(value: unknown, unit: string): string {
  if (typeof value !== 'number') return String(value);
  if (unit === 'percent') return `${value}%`;
  if (unit === 'size') return formatScaled(value, SIZE_UNITS);
  if (unit === 'duration') return formatScaled(value, DURATION_UNITS);
  return String(value);
}

/** The largest suffix the value is a whole multiple of, else the smallest suffix with a fraction. */
function formatScaled(value: number, table: Readonly<Record<string, number>>): string {
  const entries = Object.entries(table).sort((a, b) => b[1] - a[1]);
  for (const [suffix, k] of entries) {
    if (value >= k && Number.isInteger(Number((value / k).toPrecision(12)))) return `${Number((value / k).toPrecision(12))}${suffix}`;
  }
  const smallest = entries[entries.length - 1];
  return smallest ? `${Number((value / smallest[1]).toPrecision(12))}${smallest[0]}` : String(value);
}
