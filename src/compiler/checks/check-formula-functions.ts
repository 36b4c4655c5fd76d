// Rule: formulas call only the supported functions (log exp sqrt abs min max) with their arity.
import type { Check } from '../check-context.js';
import { formulaSites, walk } from '../formula.js';
import { didYouMean } from '../report.js';
import { FORMULA_FUNCTIONS } from '../standard.js';

/** PC2010 unknown function; PC2011 wrong argument count. */
export const checkFormulaFunctions: Check = {
  name: 'formula-functions',
  run({ spec, rep }) {
    const file = spec.project.file;
    for (const site of formulaSites(spec.project).sites) {
      walk(site.expr, (x) => {
        if (x.kind !== 'Call') return;
        const fn = x.callee.text;
        const arity = Object.hasOwn(FORMULA_FUNCTIONS, fn) ? FORMULA_FUNCTIONS[fn as keyof typeof FORMULA_FUNCTIONS] : undefined;
        if (!arity) {
          rep.reportRange('PC2010', file, x.callee.range, `${site.what} calls unknown function \`${fn}\``,
            didYouMean(fn, Object.keys(FORMULA_FUNCTIONS), 'functions'));
          return;
        }
        const [min, max] = arity;
        if (x.args.length < min || x.args.length > max) {
          const want = min === max ? `${min}` : `${min} to ${max}`;
          rep.reportRange('PC2011', file, x.range, `\`${fn}\` takes ${want} argument${max === 1 ? '' : 's'}, found ${x.args.length}`,
            `call it as \`${fn}(${min === 1 ? 'x' : 'a, b'})\``);
        }
      });
    }
  },
};
