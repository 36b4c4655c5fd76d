/** Diagnostic codes PC8xxx, owned by the Domino Flows target. See codes.ts for the conventions. */
import { c } from './code-info.js';

export const DOMINO_CODES = [
  c('PC8001', 'error', 'empty Domino name',
    'Every flow node is a Domino Job that names its compute environment and its hardware tier. An empty ' +
      '(or blank) environment or hardware tier name cannot be resolved by Domino, so the flow would be rejected ' +
      'at submission, after the project was generated.',
    'domino {\n  environment ""\n  tier small ""\n}',
    'Write the Domino environment id or name and the hardware tier id or name as Domino shows them.'),
  c('PC8002', 'warning', 'production flow without a pinned git ref',
    'A spec marked for production (`promote production`) should run the same code every time. Without ' +
      '`git_ref`, each Domino Job of the flow checks out whatever the project default branch points to at ' +
      'submission (the flow uses `use_latest`), so two runs of one flow version can run different code.',
    'domino {\n  environment "64f0c0ffee0123456789abcd"\n}\ndeploy {\n  promote production after review\n}',
    'Add `git_ref "tags/v1.0"` (a tag or a 40-hex commit id; a branch name moves) to the domino block.'),
  c('PC8003', 'warning', 'production flow without a pinned environment',
    'A spec marked for production should run in a fixed environment. When the environment is the default or ' +
      'given by display name, the flow hands the name to run_domino_job_task, which resolves it (and the ' +
      'revision) when the flow is registered, so renaming or rebuilding the environment silently changes what ' +
      'production runs.',
    'domino {\n  environment "Domino Standard Environment Py3.11"\n}\ndeploy {\n  promote production after review\n}',
    'Write the environment id: `environment id "<24 hex digits>"` (shown on the environment page in Domino).'),
  c('PC8004', 'error', 'invalid git ref',
    'The flow passes `git_ref` to every Domino Job as its main repository ref (`tags/<name>`, ' +
      '`branches/<name>`, a 40-hex commit id, or a branch name). A value git itself rejects (spaces, `..`, ' +
      '`~ ^ : ? * [ \\`, a trailing `/` or `.lock`) can never be checked out, so every job would fail.',
    'domino {\n  git_ref "release 1.0"\n}',
    'Use a valid ref name, e.g. `git_ref "tags/release-1.0"` or a commit id.'),
  c('PC8101', 'warning', 'production flow with a hardware tier given by name',
    'A hardware tier written as a display name (`tier small "Small"`) is passed to run_domino_job_task as ' +
      '`hardware_tier_name` and resolved to a tier id when the flow is registered; Domino hardware tier ids ' +
      '(`small-k8s`) are what DominoJobConfig.HardwareTierId takes. A spec marked for production should pin ' +
      'the id, so renaming a tier in the admin pages cannot move production to other hardware.',
    'domino {\n  tier small "Small"\n}\ndeploy {\n  promote production after review\n}',
    'Write the tier id: `tier small id "small-k8s"` (the id column of Admin > Hardware tiers).'),
  c('PC8102', 'error', 'not a Domino id',
    'A value written with `id` goes to DominoJobConfig unchanged (EnvironmentId, HardwareTierId). Domino ' +
      'environment ids are 24 hex digits; hardware tier ids are lowercase words joined by `-`, `_` or `.` ' +
      '(`small-k8s`). A display name in an id field is rejected by Domino when the flow is submitted ' +
      '("Failed to resolve job properties"), after the project was generated and pushed.',
    'domino {\n  environment id "Domino Standard Environment"\n  tier small id "Small"\n}',
    'Write the id as Domino shows it, or drop `id` to give a display name (resolved through run_domino_job_task).'),
  c('PC8103', 'warning', 'environment id written as a name',
    '`environment "..."` gives a display name, resolved through run_domino_job_task. A value of 24 hex ' +
      'digits is an environment id, and no environment is named that way, so the lookup by name would fail.',
    'domino {\n  environment "6549a5b4c7d2e1f0a9b8c7d6"\n}',
    'Write `environment id "6549a5b4c7d2e1f0a9b8c7d6"`.'),
];
