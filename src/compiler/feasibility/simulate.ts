/**
 * Simulating the synthetic generating process of a spec: its columns from their declared
 * distributions (clip, rounding), the target from its formula — the same recipe as the generated
 * `data_processing.py`, with this module's own seeded random source. Missing values are not injected:
 * the target is computed from the complete columns there too, and the oracle scores that formula.
 */
import type { Column, Data, Distribution, Formula } from '../../ir/schema.js';
import { Rng } from './rng.js';

/** The simulated rows: numeric columns (categories as indices), the target and the true signal. */
export interface Simulation {
  rows: number;
  columns: Map<string, Float64Array>;
  /** binary: 0/1; float: the value; category: the class index. */
  y: Float64Array;
  /** binary: P(y = 1) from the formula; float: the formula without noise; category: unused. */
  truth: Float64Array;
  /** Category targets: the declared shares (0..1), in declared order. */
  classShares: number[] | null;
}

type SyntheticData = Extract<Data, { kind: 'synthetic' }>;

// Stream numbers mirror the runtime's layout (2i per column, one for the target), so a column's
// draws do not change when another column is added.
const TARGET_STREAM = 1_000_003;

function draw(dist: Distribution, rng: Rng): number {
  switch (dist.kind) {
    case 'uniform': return dist.low + (dist.high - dist.low) * rng.random();
    case 'normal': return dist.mean + dist.std * rng.normal();
    case 'lognormal': return Math.exp(dist.mean + dist.sigma * rng.normal());
    case 'beta': {
      const x = rng.gamma(dist.a);
      return x / (x + rng.gamma(dist.b));
    }
  }
}

function cumulative(shares: readonly number[]): number[] {
  let sum = 0;
  return shares.map((s) => (sum += s));
}

/** `n` draws of a distribution, whole arrays at a time (see Rng.uniforms). */
function drawMany(dist: Distribution, rng: Rng, n: number): Float64Array {
  if (dist.kind === 'uniform') {
    const u = rng.uniforms(n);
    const w = dist.high - dist.low;
    for (let i = 0; i < n; i++) u[i] = dist.low + w * (u[i] as number);
    return u;
  }
  if (dist.kind === 'normal' || dist.kind === 'lognormal') {
    const z = rng.normals(n);
    const mu = dist.mean;
    const sd = dist.kind === 'normal' ? dist.std : dist.sigma;
    if (dist.kind === 'normal') for (let i = 0; i < n; i++) z[i] = mu + sd * (z[i] as number);
    else for (let i = 0; i < n; i++) z[i] = Math.exp(mu + sd * (z[i] as number));
    return z;
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = draw(dist, rng);
  return out;
}

/** Index of each uniform in the cumulative shares. */
function pickMany(cum: readonly number[], rng: Rng, n: number): Float64Array {
  const u = rng.uniforms(n);
  const total = cum[cum.length - 1] ?? 1;
  for (let i = 0; i < n; i++) {
    const r = (u[i] as number) * total;
    let k = 0;
    while (k < cum.length - 1 && r >= (cum[k] as number)) k++;
    u[i] = k;
  }
  return u;
}

function simulateColumn(col: Column, rng: Rng, n: number): Float64Array {
  if (col.categories && col.categories.length > 0) {
    const picked = pickMany(cumulative(col.categories.map((c) => c.share)), rng, n);
    if (col.type !== 'bool') return picked;
    const truthy = col.categories.map((c) => (['true', '1', 'yes'].includes(c.value.toLowerCase()) ? 1 : 0));
    for (let i = 0; i < n; i++) picked[i] = truthy[picked[i] as number] as number;
    return picked;
  }
  if (col.type === 'bool' || !col.distribution) {
    const u = rng.uniforms(n);
    for (let i = 0; i < n; i++) u[i] = (u[i] as number) < 0.5 ? 1 : 0;
    return u;
  }
  const out = drawMany(col.distribution, rng, n);
  const { clip } = col;
  if (clip) for (let i = 0; i < n; i++) out[i] = Math.min(clip.high, Math.max(clip.low, out[i] as number));
  if (col.type === 'int') for (let i = 0; i < n; i++) out[i] = Math.round(out[i] as number);
  return out;
}

/** `out[i] = a[i] op b[i]`; one plain loop per operator so the engine optimises it (no boxed numbers). */
function binary(op: string, a: Float64Array, b: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n);
  switch (op) {
    case '+': for (let i = 0; i < n; i++) out[i] = (a[i] as number) + (b[i] as number); break;
    case '-': for (let i = 0; i < n; i++) out[i] = (a[i] as number) - (b[i] as number); break;
    case '*': for (let i = 0; i < n; i++) out[i] = (a[i] as number) * (b[i] as number); break;
    case '/': for (let i = 0; i < n; i++) out[i] = b[i] === 0 ? Number.NaN : (a[i] as number) / (b[i] as number); break;
    case '^': for (let i = 0; i < n; i++) out[i] = (a[i] as number) ** (b[i] as number); break;
    case '<': for (let i = 0; i < n; i++) out[i] = (a[i] as number) < (b[i] as number) ? 1 : 0; break;
    case '<=': for (let i = 0; i < n; i++) out[i] = (a[i] as number) <= (b[i] as number) ? 1 : 0; break;
    case '>': for (let i = 0; i < n; i++) out[i] = (a[i] as number) > (b[i] as number) ? 1 : 0; break;
    case '>=': for (let i = 0; i < n; i++) out[i] = (a[i] as number) >= (b[i] as number) ? 1 : 0; break;
    case '==': for (let i = 0; i < n; i++) out[i] = a[i] === b[i] ? 1 : 0; break;
    case '!=': for (let i = 0; i < n; i++) out[i] = a[i] !== b[i] ? 1 : 0; break;
    case 'and': for (let i = 0; i < n; i++) out[i] = a[i] !== 0 && b[i] !== 0 ? 1 : 0; break;
    default: for (let i = 0; i < n; i++) out[i] = a[i] !== 0 || b[i] !== 0 ? 1 : 0; break;
  }
  return out;
}

/** A formula function over whole columns (undefined values, like log of a negative, become NaN). */
function call(fn: string, a: Float64Array, b: Float64Array | undefined, n: number): Float64Array {
  const out = new Float64Array(n);
  switch (fn) {
    case 'log': for (let i = 0; i < n; i++) out[i] = (a[i] as number) > 0 ? Math.log(a[i] as number) : Number.NaN; break;
    case 'exp': for (let i = 0; i < n; i++) out[i] = Math.exp(a[i] as number); break;
    case 'sqrt': for (let i = 0; i < n; i++) out[i] = (a[i] as number) >= 0 ? Math.sqrt(a[i] as number) : Number.NaN; break;
    case 'abs': for (let i = 0; i < n; i++) out[i] = Math.abs(a[i] as number); break;
    case 'min': for (let i = 0; i < n; i++) out[i] = Math.min(a[i] as number, (b as Float64Array)[i] as number); break;
    default: for (let i = 0; i < n; i++) out[i] = Math.max(a[i] as number, (b as Float64Array)[i] as number); break;
  }
  return out;
}

/** Evaluate a formula over whole columns (one array per node, as numpy does: no per-row tree walk). */
export function evalFormula(f: Formula, cols: ReadonlyMap<string, Float64Array>, n: number): Float64Array {
  switch (f.kind) {
    case 'num': case 'bool': return new Float64Array(n).fill(Number(f.value));
    case 'col': return cols.get(f.name) ?? new Float64Array(n).fill(Number.NaN);
    case 'unary': {
      const a = evalFormula(f.arg, cols, n);
      const out = new Float64Array(n);
      if (f.op === '-') for (let i = 0; i < n; i++) out[i] = -(a[i] as number);
      else for (let i = 0; i < n; i++) out[i] = a[i] === 0 ? 1 : 0;
      return out;
    }
    case 'bin': return binary(f.op, evalFormula(f.left, cols, n), evalFormula(f.right, cols, n), n);
    case 'call': {
      const args = f.args.map((x) => evalFormula(x, cols, n));
      return call(f.fn, args[0] as Float64Array, args[1], n);
    }
  }
}

/** Add the column names `f` reads to `out`. */
function formulaColumns(f: Formula, out: Set<string>): void {
  if (f.kind === 'col') out.add(f.name);
  else if (f.kind === 'unary') formulaColumns(f.arg, out);
  else if (f.kind === 'bin') { formulaColumns(f.left, out); formulaColumns(f.right, out); }
  else if (f.kind === 'call') for (const a of f.args) formulaColumns(a, out);
}

/** Simulate `n` rows of a synthetic data block with its seed. */
export function simulateData(data: SyntheticData, n: number): Simulation {
  // Only the columns the target formula reads matter to the oracle (a spec may declare thousands).
  const gen = data.target.generator;
  const used = new Set<string>();
  if (gen && gen.kind !== 'categories') formulaColumns(gen.formula, used);
  const columns = new Map<string, Float64Array>();
  data.columns.forEach((col, i) => {
    if (used.has(col.name)) columns.set(col.name, simulateColumn(col, new Rng(data.seed, 2 * i), n));
  });
  const rng = new Rng(data.seed, TARGET_STREAM);
  const y = new Float64Array(n);
  let truth: Float64Array = new Float64Array(n);
  let classShares: number[] | null = null;
  if (gen?.kind === 'logistic') {
    const z = evalFormula(gen.formula, columns, n);
    const u = rng.uniforms(n);
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-(z[i] as number)));
      // As the runtime: an undefined formula value (log of a negative) gives P = 0.
      const q = p === p ? p : 0;
      truth[i] = q;
      y[i] = (u[i] as number) < q ? 1 : 0;
    }
  } else if (gen?.kind === 'linear') {
    truth = evalFormula(gen.formula, columns, n);
    const noise = gen.noise ? drawMany(gen.noise, rng, n) : new Float64Array(n);
    for (let i = 0; i < n; i++) y[i] = (truth[i] as number) + (noise[i] as number);
  } else if (gen?.kind === 'categories') {
    classShares = gen.categories.map((c) => c.share / 100);
    y.set(pickMany(cumulative(classShares), rng, n));
  }
  return { rows: n, columns, y, truth, classShares };
}
