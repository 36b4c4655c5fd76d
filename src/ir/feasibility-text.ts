/**
 * The feasibility block (feasibility-schema.ts) in words: grouped counts, sizes, values with their
 * error, one line per gate. Shared by the compiler's diagnostics, `pipec check`, `pipec plan` and the
 * planning documents of epoch 001, so all of them say the same thing. No locale: output must not
 * depend on the machine.
 */
import type { Feasibility, GateFeasibility } from './feasibility-schema.js';

/** `20000` → `20,000` (no locale: output must not depend on the machine). */
export function formatCount(n: number): string {
  return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Bytes as `57.2 MB` / `1.4 GB` (binary units, as the spec's `50MB`). */
export function formatBytes(b: number): string {
  const gb = b / 1024 ** 3;
  if (gb >= 1) return `${gb.toFixed(1)} GB`;
  return b >= 1024 ** 2 ? `${(b / 1024 ** 2).toFixed(1)} MB` : `${Math.max(1, Math.round(b / 1024))} KB`;
}

/** A value and its half-width with as many decimals as the error deserves: `0.86 ± 0.01`. */
export function formatEstimate(value: number, halfWidth: number): string {
  const decimals = halfWidth > 0 ? Math.min(6, Math.max(2, Math.ceil(-Math.log10(halfWidth)))) : 2;
  const big = Math.abs(value) >= 1000;
  const v = big ? formatCount(value) : value.toFixed(decimals);
  if (halfWidth <= 0) return v;
  return `${v} ± ${big ? formatCount(halfWidth) : halfWidth.toFixed(decimals)}`;
}

/** A value in its unit: `50.0 MB`, `5%`, `20,000`, `0.7`. */
function shown(value: number, unit: string): string {
  if (unit === 'size') return formatBytes(value);
  if (unit === 'percent') return `${value}%`;
  if (unit === 'count') return formatCount(value);
  return String(value);
}

/** `metric.roc_auc >= 0.75`, with the value in its unit. */
export function describeGate(g: GateFeasibility): string {
  return `${g.fact} ${g.op} ${typeof g.value === 'number' ? shown(g.value, g.unit) : String(g.value)}`;
}

/** What to expect for the gate's fact: `best possible 0.881 ± 0.009`, `about 2.7 MB`, `20,000`. */
export function describeExpected(g: GateFeasibility): string {
  if (g.expected === null) return 'unknown';
  if (g.fact.startsWith('metric.')) return `best possible ${formatEstimate(g.expected, g.halfWidth)}`;
  if (g.unit === 'size') return `about ${formatBytes(g.expected)}`;
  return shown(g.expected, g.unit);
}

/** The one-line header: where the numbers come from. */
export function describeMethod(f: Feasibility): string {
  if (f.method === 'oracle') {
    return `the generating formula itself, scored on ${formatCount(f.sampleRows)} simulated rows (± = 95% range on the ${formatCount(f.testRows ?? 0)} test rows)`;
  }
  return 'file data: no oracle (`pipec check --deep` fits a quick baseline on a sample)';
}

/** Resources in one line: file size and peak memory against the limits. */
export function describeResources(f: Feasibility): string {
  const r = f.resources;
  const parts: string[] = [];
  if (r.fileBytes !== null) {
    const fit = r.rowsThatFit !== null ? `, sampled down to about ${formatCount(r.rowsThatFit)} rows` : '';
    parts.push(`data file about ${formatBytes(r.fileBytes)} of max ${formatBytes(r.maxFileSizeBytes)}${fit}`);
  }
  const peak = Object.entries(r.peakMemoryBytes).reduce<[string, number] | null>((a, b) => (a === null || b[1] > a[1] ? b : a), null);
  if (peak) parts.push(`peak memory about ${formatBytes(peak[1])} (epoch ${peak[0]}) of max ${formatBytes(r.maxMemoryBytes)}`);
  return parts.length > 0 ? parts.join('; ') : 'unknown until the data is read';
}

/** Lines of a text table: header, one line per gate, resources. */
export function describeFeasibility(f: Feasibility): string[] {
  const rows = f.gates.map((g) => [`gate ${g.rule}`, describeGate(g), g.verdict, describeExpected(g)]);
  const widths = [0, 1, 2].map((i) => Math.max(0, ...rows.map((r) => (r[i] as string).length)));
  return [
    `feasibility: ${describeMethod(f)}`,
    ...rows.map((r) => `  ${r.map((c, i) => (i < 3 ? c.padEnd(widths[i] as number) : c)).join('  ')}`),
    `  resources: ${describeResources(f)}`,
  ];
}
