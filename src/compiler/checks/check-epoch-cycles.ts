// Rule: epoch dependencies form a DAG; a cycle is reported once, with its path.
import { cycleEdges } from '../../ir/dag.js';
import type { Check } from '../check-context.js';

/** PC7001: dependency cycle, reported at the `after` that closes it (the walk itself lives in ir/dag.ts). */
export const checkEpochCycles: Check = {
  name: 'epoch-cycles',
  run({ spec, rep }) {
    const byId = new Map(spec.epochs.map((e) => [e.id, e]));
    const dag = { epochs: spec.epochs.map((e) => ({ id: e.id, after: e.after.map((a) => a.value) })) };
    for (const { epoch, after, path } of cycleEdges(dag)) {
      // The first `after` naming the prerequisite: the one a reader sees closing the cycle.
      const at = byId.get(epoch)!.after.find((a) => a.value === after)!;
      // Report in dependency direction: "009 runs after 010 runs after 009".
      rep.report('PC7001', at, `epoch dependency cycle: ${path.join(' → ')}`,
        `remove one \`after\` in this cycle (e.g. \`after ${after}\` of epoch ${epoch})`);
    }
  },
};
