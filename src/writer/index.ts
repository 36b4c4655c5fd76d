/**
 * The writer: the only code that writes a generated project to disk. Public API:
 *   buildPlan(input)      → Plan      (reads the folder, writes nothing; `pipec plan`, `--check`)
 *   applyPlan(plan,hooks) → result    (one atomic transaction; `pipec compile`)
 *   recoverOutput(out)                (finish or undo a compile interrupted by a crash)
 * See docs/regenerate.md for the rules and the on-disk formats.
 */
export { buildPlan, RUNTIME_OWNED, type Plan, type PlannedFile, type EpochRerun, type PlanInput } from './plan.js';
export { applyPlan, type ApplyResult } from './apply.js';
export { recoverOutput, hasPendingTransaction, type TxnHooks, type RecoveryResult } from './journal.js';
export { OutputFolderError } from './disk-state.js';
export { renderPlanText, renderPlanJson, renderPlanSummaryLine, planSummary } from './render-plan.js';
export { MANIFEST_PATH, BASE_PREFIX, TXN_DIR } from './safe-path.js';
export type { FileAction, KeepKind } from './reconcile.js';
export { isUpToDateFast, CACHE_PATH } from './fast-path.js';
