/**
 * The smallest valid spec (one float column, a binary target) with a `models` block and optional extra
 * project-level statements, shared by the tests of model budgets and compute so both check the same base.
 */
export function tinySpec({ models = '    baseline xgboost, lightgbm', extra = '' }: { models?: string; extra?: string } = {}): string {
  return `project p {
  problem classification
  target  y
  use lifecycle.domino_standard
  data synthetic {
    rows 1_000
    seed 1
    column x float uniform(0, 1)
    target y binary logistic(2 * x - 1)
  }
  models {
${models}
  }
${extra}
}
`;
}
