/**
 * Names that are part of the language itself, as the compiler reads them: everything here derives from
 * the catalogue (src/catalogue), which is the one place they are declared.
 */
import { FRAMEWORKS, MODELS, MODEL_IDS, modelProblems, type ModelId, type ProblemKind } from '../catalogue/index.js';

export { DEFAULT_CV_FOLDS, DEFAULT_METRIC, FORMULA_FUNCTIONS, PLATFORM, STANDARD_METRICS, isModelId } from '../catalogue/index.js';

/** Models that only make sense for one problem kind (the others serve both). */
export const MODEL_PROBLEM: Partial<Record<ModelId, ProblemKind>> = Object.fromEntries(
  MODEL_IDS.flatMap((id) => {
    const kinds = modelProblems(id);
    return kinds.length === 1 ? [[id, kinds[0]]] : [];
  }),
);

/** Framework of each model id; heavy frameworks are optional (skipped with a reason when not installed). */
export const modelFramework = (id: ModelId): { framework: (typeof MODELS)[ModelId]['framework']; optional: boolean } => {
  const framework = MODELS[id].framework;
  return { framework, optional: FRAMEWORKS[framework].optional };
};

/** Libraries a spec may `use`; the loader maps `a.b` to `stdlib/a/b.pipeline`. */
export const KNOWN_LIBRARIES = ['lifecycle.domino_standard'] as const;
