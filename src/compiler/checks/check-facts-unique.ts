// Rule: a fact is produced by one declaration only (one producer, one unit).
import type { Check } from '../check-context.js';
import type { FactDecl } from '../model.js';
import { relatedAt } from '../report.js';

/** PC5005: the same fact declared twice (within or across epochs). */
export const checkFactsUnique: Check = {
  name: 'facts-unique',
  run({ spec, rep }) {
    const seen = new Map<string, { fact: FactDecl; epoch: string }>();
    for (const e of spec.epochs) {
      for (const f of e.produces) {
        const prev = seen.get(f.name.value);
        if (!prev) { seen.set(f.name.value, { fact: f, epoch: e.id }); continue; }
        const where = prev.epoch === e.id ? 'in the same epoch' : `by epoch ${prev.epoch}`;
        rep.report('PC5005', f.name, `fact "${f.name.value}" is already produced ${where}`,
          'remove this declaration or give the fact a new name', [relatedAt('first declared here', prev.fact.name)]);
      }
    }
  },
};
