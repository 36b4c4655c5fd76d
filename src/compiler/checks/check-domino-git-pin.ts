// Rule: a spec marked for production pins the code its flow jobs check out (`git_ref`).
import type { Check } from '../check-context.js';

/** PC8002: production spec without git_ref. */
export const checkDominoGitPin: Check = {
  name: 'domino-git-pin',
  run({ spec, rep }) {
    const promote = spec.project.deploy?.promote;
    if (!promote || promote.alias.value !== 'production') return;
    if (spec.project.domino?.gitRef) return;
    rep.report('PC8002', promote.alias,
      'the spec is marked for production but its Domino flow jobs run whatever commit the project default branch points to',
      'add `git_ref "tags/<release>"` (or a commit id) to the domino block');
  },
};
