// Rule: a category share map lists each value once, each share in 0..100%, summing to 100%.
import type { Check, CheckContext } from '../check-context.js';
import type { Loc, ShareDecl } from '../model.js';
import { relatedAt } from '../report.js';

function verify(ctx: CheckContext, what: string, at: Loc, shares: ShareDecl[]): void {
  const seen = new Map<string, ShareDecl>();
  for (const s of shares) {
    const prev = seen.get(s.value);
    if (prev) {
      ctx.rep.report('PC2016', s, `${what} lists category "${s.value}" twice`, 'remove or rename one of the entries',
        [relatedAt('first listed here', prev)]);
    } else seen.set(s.value, s);
    if (s.share < 0 || s.share > 100) {
      ctx.rep.reportRange('PC3003', s.file, s.shareRange, `share ${s.share}% of category "${s.value}" is outside 0..100%`,
        'use a share between 0% and 100%');
    }
  }
  if (shares.length === 0) return;
  const total = shares.reduce((sum, s) => sum + s.share, 0);
  // Shares are written with at most a few decimals; compare with a tolerance for float sums.
  if (Math.abs(total - 100) > 1e-6) {
    const pretty = Number(total.toPrecision(10));
    ctx.rep.report('PC3001', at, `category shares of ${what} sum to ${pretty}%, not 100%`,
      `adjust the shares by ${Number((100 - total).toPrecision(10))}% so they sum to 100%`);
  }
}

/** PC3001 / PC3003 / PC2016 on column and target share maps. */
export const checkCategoryShares: Check = {
  name: 'category-shares',
  run(ctx) {
    const data = ctx.spec.project.data;
    for (const c of data?.columns ?? []) if (c.categories) verify(ctx, `column "${c.name.value}"`, c.name, c.categories);
    const g = data?.target?.generator;
    if (data?.target && g?.kind === 'categories') verify(ctx, `target "${data.target.name.value}"`, data.target.name, g.categories);
  },
};
