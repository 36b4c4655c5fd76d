/**
 * Dispatching the statements of a block to their shapers. Unknown keywords (PC1001, with "did you
 * mean"), repeated single settings (PC1005) and block misuse (PC1009) are reported here once, so
 * each shaper only deals with its own arguments.
 */
import type { Statement } from '../grammar/syntax.js';
import { closestName } from './report.js';
import type { ShapeCtx } from './shape-args.js';

/** How one keyword of a block is shaped. */
export interface StatementRule {
  run: (s: Statement) => void;
  /** `required`: must have `{ ... }`; `none` (default): must not; `optional`: either. */
  block?: 'required' | 'optional' | 'none';
  /** May appear several times in the block (columns, tiers, epochs). Default: once. */
  repeat?: boolean;
}

/** Shape every statement of `statements` with `rules`; `where` names the block in messages. */
export function shapeStatements(ctx: ShapeCtx, statements: readonly Statement[], rules: Record<string, StatementRule>,
  where: string): void {
  const seen = new Map<string, Statement>();
  for (const s of statements) {
    const kw = s.keyword.name;
    const rule = Object.hasOwn(rules, kw) ? rules[kw] : undefined;
    if (!rule) {
      const best = closestName(kw, Object.keys(rules));
      ctx.rep.reportRange('PC1001', ctx.file, s.keyword.range, `unknown statement \`${kw}\` in ${where}`,
        best ? `did you mean \`${best}\`?` : `allowed here: ${Object.keys(rules).sort().join(', ')}`);
      continue;
    }
    const first = seen.get(kw);
    if (!rule.repeat && first) {
      ctx.rep.reportRange('PC1005', ctx.file, s.keyword.range, `\`${kw}\` is set twice in ${where}`,
        'keep one of them', [{ message: 'first set here', file: ctx.file, range: first.keyword.range }]);
      continue;
    }
    seen.set(kw, s);
    const mode = rule.block ?? 'none';
    if (mode === 'required' && !s.block) {
      ctx.rep.reportRange('PC1009', ctx.file, s.keyword.range, `\`${kw}\` needs a block \`{ ... }\``,
        `add the block: \`${kw} ... { ... }\``);
      continue;
    }
    if (mode === 'none' && s.block) {
      ctx.rep.reportRange('PC1009', ctx.file, s.block.range, `\`${kw}\` does not take a block`,
        'remove the braces and put the settings on the statement line');
      continue;
    }
    rule.run(s);
  }
}
