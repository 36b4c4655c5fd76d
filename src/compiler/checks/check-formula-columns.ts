// Rule: formulas use only known columns (and earlier derives), and only numeric ones in arithmetic.
import type { Check } from '../check-context.js';
import { formulaNames, formulaSites, inScope, namesInScope, numericOperandNames } from '../formula.js';
import { didYouMean } from '../report.js';

/** PC2002 unknown column in a formula (PC2101 when it is the target); PC3002 category column used as a number. */
export const checkFormulaColumns: Check = {
  name: 'formula-columns',
  run({ spec, rep }) {
    const p = spec.project;
    const file = p.file;
    // Text columns are no numbers either (they are vectorised into word features).
    const categories = new Map((p.data?.columns ?? []).filter((c) => c.type.value === 'category' || c.type.value === 'text').map((c) => [c.name.value, c.type.value]));
    const scope = formulaSites(p);
    const target = p.data?.target?.name.value ?? p.target?.value;
    for (const site of scope.sites) {
      const unknown = new Set<string>();
      for (const n of formulaNames(site.expr)) {
        if (n.parts.length > 1) continue;
        if (n.text === target && site.what.startsWith('derive')) {
          // Not a typo: the model would learn from the answer (issue 12). Open scopes (file data) too.
          unknown.add(n.text);
          rep.reportRange('PC2101', file, n.range, `${site.what} reads the target "${n.text}": target leakage`,
            'remove it, or compute the feature from columns known before the outcome');
        } else if (scope.closed && !inScope(scope, site, n.text)) {
          unknown.add(n.text);
          rep.reportRange('PC2002', file, n.range, `${site.what} uses unknown column "${n.text}"`,
            didYouMean(n.text, namesInScope(scope, site), 'columns'));
        }
      }
      for (const n of numericOperandNames(site.expr)) {
        if (categories.has(n.text) && !unknown.has(n.text)) {
          rep.reportRange('PC3002', file, n.range, `${site.what} uses ${categories.get(n.text)} column "${n.text}" as a number`,
            'use numeric columns in formulas; category columns are encoded in the features block');
        }
      }
    }
  },
};
