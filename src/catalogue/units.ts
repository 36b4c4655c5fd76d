/**
 * Units of the language's quantities: the suffixes a spec may write and what they are worth in the
 * base unit the IR stores (sizes in bytes with binary multiples, durations in seconds, percent as
 * 0..100). compiler/units.ts normalises with them and renders values back the way a spec writes them.
 */

/** Size suffix → bytes (binary multiples, as Domino's limits are stated). */
export const SIZE_UNITS: Readonly<Record<string, number>> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4 };

/** Duration suffix → seconds. */
export const DURATION_UNITS: Readonly<Record<string, number>> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 };
