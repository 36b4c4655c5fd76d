// Rule: baselines and the tuning target are known model ids, each baseline listed once.
import type { Check } from '../check-context.js';
import { MODEL_IDS } from '../../ir/schema.js';
import type { Located } from '../model.js';
import { didYouMean, relatedAt } from '../report.js';
import { isModelId } from '../standard.js';

/** PC2012 unknown model; PC2013 duplicate baseline. */
export const checkModelNames: Check = {
  name: 'model-names',
  run({ spec, rep }) {
    const models = spec.project.models;
    if (!models) return;
    const seen = new Map<string, Located<string>>();
    for (const b of models.baselines) {
      if (!isModelId(b.value)) {
        rep.report('PC2012', b, `unknown model "${b.value}"`, didYouMean(b.value, MODEL_IDS, 'models'));
        continue;
      }
      const prev = seen.get(b.value);
      if (prev) rep.report('PC2013', b, `model "${b.value}" is listed twice`, 'remove the repeated model', [relatedAt('first listed here', prev)]);
      else seen.set(b.value, b);
    }
    const t = models.tune?.target;
    if (t && t.value !== 'best' && !isModelId(t.value)) {
      rep.report('PC2012', t, `unknown model "${t.value}"`, didYouMean(t.value, ['best', ...MODEL_IDS], 'models'));
    }
  },
};
