// Rule: epoch dependencies form a DAG; a cycle is reported once, with its path.
import type { Check } from '../check-context.js';
import type { Located } from '../model.js';
import type { ResolvedEpoch } from '../resolve-model.js';

/** PC7001: dependency cycle, reported at the `after` that closes it. */
export const checkEpochCycles: Check = {
  name: 'epoch-cycles',
  run({ spec, rep }) {
    const byId = new Map(spec.epochs.map((e) => [e.id, e]));
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (e: ResolvedEpoch): void => {
      state.set(e.id, 'open');
      stack.push(e.id);
      // Sorted, deduplicated edges keep the reported cycle the same across runs.
      const deps = new Map<string, Located<string>>();
      for (const d of e.after) if (!deps.has(d.value)) deps.set(d.value, d);
      for (const [id, at] of [...deps.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
        const next = byId.get(id);
        if (!next) continue;
        const s = state.get(id);
        if (s === 'open') {
          const path = [...stack.slice(stack.indexOf(id)), id];
          // Report in dependency direction: "009 runs after 010 runs after 009".
          rep.report('PC7001', at, `epoch dependency cycle: ${path.join(' → ')}`,
            `remove one \`after\` in this cycle (e.g. \`after ${id}\` of epoch ${e.id})`);
        } else if (!s) {
          visit(next);
        }
      }
      stack.pop();
      state.set(e.id, 'done');
    };
    for (const e of spec.epochs) if (!state.has(e.id)) visit(e);
  },
};
