/**
 * Parse speed on a generated 10,000-statement spec (lexer and parser are built once and reused).
 * Measured as process CPU time, best of 3: wall time on a shared, oversubscribed machine says more about
 * the neighbours than about the parser. The bound is generous; the growth check catches non-linearity.
 */
import { expect, it } from 'vitest';
import { parseSpec } from '../../src/grammar/index.js';

/** `n` statements: data blocks of 48 columns plus a target formula each, all inside one project. */
function generateSpec(n: number): string {
  const lines = ['project big {'];
  let count = 1;
  for (let b = 0; count < n; b++) {
    lines.push(`  data d${b} {`);
    count++;
    for (let i = 0; i < 48 && count < n; i++, count++) lines.push(`    column c${i} float lognormal(10.8, 0.5) missing 2%  # note`);
    if (count < n) {
      lines.push('    target t binary logistic(-3.0 + 2.5 * a / b - 0.004 * (c - 680))');
      count++;
    }
    lines.push('  }');
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

function bestMs(text: string, runs: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const { diagnostics, syntax } = parseSpec({ path: 'big.pipeline', text });
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1000);
    expect(diagnostics).toEqual([]);
    expect(syntax.statements).toHaveLength(1);
  }
  return best;
}

it('parses 10,000 statements quickly and linearly', () => {
  const small = generateSpec(2_500);
  const big = generateSpec(10_000);
  bestMs(small, 1); // warm up the JIT
  const tSmall = bestMs(small, 3);
  const tBig = bestMs(big, 3);
  console.log(`parse CPU time: 2,500 statements ${tSmall.toFixed(0)} ms, 10,000 statements ${tBig.toFixed(0)} ms`);
  expect(tBig).toBeLessThan(1500);
  expect(tBig / tSmall).toBeLessThan(8); // 4x the input: linear is ~4
});
