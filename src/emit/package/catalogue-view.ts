/**
 * The catalogue as the generated package reads it (`config.CATALOGUE`, snake_case keys): every model
 * with how to build and tune it, every metric with its direction and scorer. The Python side keeps no
 * table of its own, so adding a model or a metric to src/catalogue reaches the generated code unchanged.
 */
import { FRAMEWORKS, METRICS, MODELS, MODEL_IDS } from '../../catalogue/index.js';

/** `{models, metrics}` as plain JSON-like values for `py_repr_pretty`. */
export function catalogueView(): { models: Record<string, unknown>; metrics: Record<string, unknown> } {
  const models = Object.fromEntries(MODEL_IDS.map((id) => {
    const m = MODELS[id];
    const f = FRAMEWORKS[m.framework];
    const p = m.python;
    return [id, {
      framework: m.framework, module: f.module, pip: f.pip, optional: f.optional,
      estimator: p.estimator, params: p.params, seed_param: p.seedParam, jobs_param: p.jobsParam, openmp_threads: p.openmpThreads,
      problem_param: p.problemParam, gpu: p.gpu, label_encode: p.labelEncode,
      imbalance: p.imbalance, search: m.search,
    }];
  }));
  const metrics = Object.fromEntries(Object.entries(METRICS).map(([name, m]) => [name, {
    problem: m.problem, range: m.range, better: m.better, threshold_dependent: m.thresholdDependent, f1_threshold: m.f1Threshold, scorer: m.scorer,
  }]));
  return { models, metrics };
}
