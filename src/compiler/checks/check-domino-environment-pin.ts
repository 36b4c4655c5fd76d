// Rule: a spec marked for production names its Domino environment by id, not by display name or default.
import type { Check } from '../check-context.js';

/** A Domino environment id (a MongoDB ObjectId: 24 hex digits). */
export const isDominoId = (text: string): boolean => /^[0-9a-f]{24}$/i.test(text);

/** PC8003: production spec with an environment that is not pinned by id. */
export const checkDominoEnvironmentPin: Check = {
  name: 'domino-environment-pin',
  run({ spec, rep }) {
    const promote = spec.project.deploy?.promote;
    if (!promote || promote.alias.value !== 'production') return;
    const domino = spec.project.domino;
    const env = domino?.environment;
    // Blank (PC8001) and an id written as a name (PC8103) have their own, more precise diagnostics.
    if (env && (domino.environmentById || env.value.trim() === '' || isDominoId(env.value))) return;
    const hint = 'write the environment id: `environment id "<24 hex digits>"` (shown on the environment page in Domino)';
    if (env) {
      rep.report('PC8003', env,
        `the spec is marked for production but environment "${env.value}" is a display name: the flow resolves it when it is registered`, hint);
    } else {
      rep.report('PC8003', promote.alias,
        'the spec is marked for production but uses the project\'s default Domino environment, resolved when the flow is registered', hint);
    }
  },
};
