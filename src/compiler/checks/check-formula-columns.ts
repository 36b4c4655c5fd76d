// Rule: formulas use only known columns (and earlier derives), and only numeric ones in arithmetic.
import type { Check } from '../check-context.js';
import { formulaNames, formulaSites, inScope, namesInScope, numericOperandNames } from '../formula.js';
import { didYouMean } from '../report.js';

/** PC2002 unknown column in a formula; PC3002 category column used as a number. */
export const checkFormulaColumns: Check = {
  name: 'formula-columns',
  run({ spec, rep }) {
    const p = spec.project;
    const file = p.file;
    const categories = new Set((p.data?.columns ?? []).filter((c) => c.type.value === 'category').map((c) => c.name.value));
    const scope = formulaSites(p);
    for (const site of scope.sites) {
      const unknown = new Set<string>();
      if (scope.closed) {
        for (const n of formulaNames(site.expr)) {
          if (inScope(scope, site, n.text) || n.parts.length > 1) continue;
          unknown.add(n.text);
          rep.reportRange('PC2002', file, n.range, `${site.what} uses unknown column "${n.text}"`,
            didYouMean(n.text, namesInScope(scope, site), 'columns'));
        }
      }
      for (const n of numericOperandNames(site.expr)) {
        if (categories.has(n.text) && !unknown.has(n.text)) {
          rep.reportRange('PC3002', file, n.range, `${site.what} uses category column "${n.text}" as a number`,
            'use numeric columns in formulas; category columns are encoded in the features block');
        }
      }
    }
  },
};
