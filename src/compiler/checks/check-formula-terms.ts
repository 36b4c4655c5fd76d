// Rule: formulas are made of numbers, true/false, column names, operators and calls only.
import type { Check } from '../check-context.js';
import { describeExpr } from '../shape-args.js';
import { formulaSites, walk } from '../formula.js';

/** PC1004 for strings, quantities, lists, maps, dotted names or `=` inside a formula. */
export const checkFormulaTerms: Check = {
  name: 'formula-terms',
  run({ spec, rep }) {
    const file = spec.project.file;
    for (const site of formulaSites(spec.project).sites) {
      walk(site.expr, (x) => {
        const bad = ['String', 'Quantity', 'List', 'Map', 'Pair'].includes(x.kind)
          || (x.kind === 'Name' && x.parts.length > 1)
          || (x.kind === 'Binary' && x.op === '=');
        if (bad) {
          rep.reportRange('PC1004', file, x.range, `${site.what} expects numbers, columns and operators, found ${describeExpr(x)}`,
            'write the formula with plain numbers, column names, + - * / ^, comparisons and log/exp/sqrt/abs/min/max');
        }
      });
    }
  },
};
