// Rule: tuning targets `best` or a baseline, and its fit count (trials × folds × baselines) stays reasonable.
import type { Check } from '../check-context.js';
import { DEFAULT_CV_FOLDS, PLATFORM, isModelId } from '../standard.js';

/** PC4005 tune target not a baseline; PC4006 invalid budget/folds; PC4004 (warning) fit count explosion. */
export const checkTuning: Check = {
  name: 'tuning',
  run({ spec, rep }) {
    const models = spec.project.models;
    const tune = models?.tune;
    if (!models || !tune) return;
    const t = tune.target.value;
    if (t !== 'best' && isModelId(t) && models.baselines.length > 0 && !models.baselines.some((b) => b.value === t)) {
      rep.report('PC4005', tune.target, `tuning target "${t}" is not one of the baselines`, `tune \`best\`, or add ${t} to the baselines`);
    }
    const trials = tune.trials.value;
    const folds = tune.folds?.value ?? DEFAULT_CV_FOLDS;
    if (!Number.isInteger(trials) || trials < 1) {
      rep.report('PC4006', tune.trials, `tuning budget must be a positive whole number of trials, found ${trials}`, 'use e.g. `budget 40 trials`');
      return;
    }
    if (tune.folds && (!Number.isInteger(folds) || folds < 2 || folds > 20)) {
      rep.report('PC4006', tune.folds, `cross-validation needs 2 to 20 folds, found ${folds}`, 'use e.g. `cv 5 folds`');
      return;
    }
    const baselines = models.baselines.length;
    const fits = trials * folds + baselines;
    if (fits > PLATFORM.maxFits) {
      rep.report('PC4004', tune, `tuning may run ${fits} model fits (${trials} trials × ${folds} folds + ${baselines} baselines)`,
        `keep it under ${PLATFORM.maxFits} fits: lower the trial budget or the folds`);
    }
  },
};
