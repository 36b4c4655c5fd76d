// Rule: every model can solve the project's problem kind.
import type { Check } from '../check-context.js';
import { MODEL_PROBLEM } from '../standard.js';
import { isModelId } from '../standard.js';

/** PC4003: logistic regression for regression, linear regression / OLS for classification. */
export const checkModelProblem: Check = {
  name: 'model-problem',
  run({ spec, rep }) {
    const models = spec.project.models;
    const names = [...(models?.baselines ?? []), ...(models?.tune ? [models.tune.target] : [])];
    for (const m of names) {
      if (!isModelId(m.value)) continue;
      const only = MODEL_PROBLEM[m.value];
      if (only && only !== spec.problem) {
        rep.report('PC4003', m, `model "${m.value}" only solves ${only}, but the problem is ${spec.problem}`,
          spec.problem === 'regression' ? 'use `sklearn.linear_regression` or another regressor' : 'use `sklearn.logistic_regression` or another classifier');
      }
    }
  },
};
