/** Diagnostic codes PC8xxx, owned by the Domino Flows target. See codes.ts for the conventions. */
import { defineCode } from './code-info.js';

export const DOMINO_CODES = [
  defineCode({
    code: 'PC8001',
    severity: 'error',
    title: 'empty Domino name',
    explanation:
      'Every flow node is a Domino Job that names its compute environment and its hardware tier. An empty ' +
      '(or blank) environment or hardware tier name cannot be resolved by Domino, so the flow would be rejected ' +
      'at submission, after the project was generated.',
    example: 'domino {\n  environment ""\n  tier small ""\n}',
    fix: 'Write the Domino environment id or name and the hardware tier id or name as Domino shows them.',
  }),
  defineCode({
    code: 'PC8002',
    severity: 'warning',
    title: 'production flow without a pinned git ref',
    explanation:
      'A spec marked for production (`promote production`) should run the same code every time. Without ' +
      '`git_ref`, each Domino Job of the flow checks out whatever the project default branch points to at ' +
      'submission (the flow uses `use_latest`), so two runs of one flow version can run different code.',
    example: 'domino {\n  environment "64f0c0ffee0123456789abcd"\n}\ndeploy {\n  promote production after review\n}',
    fix: 'Add `git_ref "tags/v1.0"` (a tag or a 40-hex commit id; a branch name moves) to the domino block.',
  }),
  defineCode({
    code: 'PC8003',
    severity: 'warning',
    title: 'production flow without a pinned environment',
    explanation:
      'A spec marked for production should run in a fixed environment. When the environment is the default or ' +
      'given by name, the flow passes it as written and lets Domino resolve the revision at submission ' +
      '(`use_latest`), so a rebuilt environment silently changes what production runs.',
    example: 'domino {\n  environment "Domino Standard Environment Py3.11"\n}\ndeploy {\n  promote production after review\n}',
    fix: 'Write the environment id (24 hex digits, from the environment page in Domino) in `environment`.',
  }),
  defineCode({
    code: 'PC8004',
    severity: 'error',
    title: 'invalid git ref',
    explanation:
      'The flow passes `git_ref` to every Domino Job as its main repository ref (`tags/<name>`, ' +
      '`branches/<name>`, a 40-hex commit id, or a branch name). A value git itself rejects (spaces, `..`, ' +
      '`~ ^ : ? * [ \\`, a trailing `/` or `.lock`) can never be checked out, so every job would fail.',
    example: 'domino {\n  git_ref "release 1.0"\n}',
    fix: 'Use a valid ref name, e.g. `git_ref "tags/release-1.0"` or a commit id.',
  }),
];
