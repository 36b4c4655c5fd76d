// Rule: a spec marked for production names its Domino environment by id, not by name or default.
import type { Check } from '../check-context.js';

/** A Domino environment id (a MongoDB ObjectId: 24 hex digits). */
export const isDominoId = (text: string): boolean => /^[0-9a-f]{24}$/i.test(text);

/** PC8003: production spec with an environment that is not pinned by id. */
export const checkDominoEnvironmentPin: Check = {
  name: 'domino-environment-pin',
  run({ spec, rep }) {
    const promote = spec.project.deploy?.promote;
    if (!promote || promote.alias.value !== 'production') return;
    const env = spec.project.domino?.environment;
    if (env && (isDominoId(env.value) || env.value.trim() === '')) return;
    const hint = 'write the environment id (24 hex digits, shown on the environment page in Domino) in `environment`';
    if (env) {
      rep.report('PC8003', env,
        `the spec is marked for production but environment "${env.value}" is a name: Domino resolves its revision at submission`, hint);
    } else {
      rep.report('PC8003', promote.alias,
        'the spec is marked for production but uses the default Domino environment, resolved at submission', hint);
    }
  },
};
