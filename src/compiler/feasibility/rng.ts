/**
 * A small seeded random source for the feasibility simulation. It does not reproduce numpy's streams
 * (the generated project draws with numpy); it draws from the same distributions, which is all the
 * oracle needs: its answer is an expectation with a sampling error, not the run's exact rows.
 */

/** sfc32, seeded through splitmix32: fast, 32-bit state words, good enough for Monte Carlo. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare: number | null = null;

  /** One independent stream per (seed, stream) pair, like the runtime's per-column streams. */
  constructor(seed: number, stream: number) {
    let s = (Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(stream | 0, 0x85ebca6b)) >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next(); this.b = next(); this.c = next(); this.d = next();
    for (let i = 0; i < 12; i++) this.random();
  }

  /** Uniform in [0, 1). */
  random(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /**
   * `n` uniforms in [0, 1) in one tight loop over local state: the oracle runs once per `pipec check`,
   * in cold code, where a call per value costs more than the arithmetic.
   */
  uniforms(n: number): Float64Array {
    const out = new Float64Array(n);
    let a = this.a; let b = this.b; let c = this.c; let d = this.d;
    for (let i = 0; i < n; i++) {
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      c = (c + t) | 0;
      out[i] = (t >>> 0) / 4294967296;
    }
    this.a = a; this.b = b; this.c = c; this.d = d;
    return out;
  }

  /** `n` standard normals by Box-Muller over pairs of uniforms (vectorised like uniforms()). */
  normals(n: number): Float64Array {
    const u = this.uniforms(n + (n % 2));
    const out = new Float64Array(n);
    for (let i = 0; i < n; i += 2) {
      const r = Math.sqrt(-2 * Math.log(1 - (u[i] as number)));
      const theta = 2 * Math.PI * (u[i + 1] as number);
      out[i] = r * Math.cos(theta);
      if (i + 1 < n) out[i + 1] = r * Math.sin(theta);
    }
    return out;
  }

  /** Standard normal (Marsaglia's polar method, the second value kept for the next call). */
  normal(): number {
    if (this.spare !== null) {
      const v = this.spare;
      this.spare = null;
      return v;
    }
    for (;;) {
      const u = 2 * this.random() - 1;
      const v = 2 * this.random() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const m = Math.sqrt((-2 * Math.log(s)) / s);
        this.spare = v * m;
        return u * m;
      }
    }
  }

  /** Gamma(shape, 1) by Marsaglia and Tsang (shape < 1 boosted by a uniform power). */
  gamma(shape: number): number {
    if (shape < 1) return this.gamma(shape + 1) * Math.pow(this.random() || Number.MIN_VALUE, 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = this.normal();
      const v0 = 1 + c * x;
      if (v0 <= 0) continue;
      const v = v0 * v0 * v0;
      const u = this.random();
      if (Math.log(u || Number.MIN_VALUE) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  }

  /** Index drawn with probabilities proportional to `weights`. */
  pick(cumulative: readonly number[]): number {
    const total = cumulative[cumulative.length - 1] ?? 0;
    const r = this.random() * total;
    for (let i = 0; i < cumulative.length; i++) if (r < (cumulative[i] as number)) return i;
    return cumulative.length - 1;
  }
}
