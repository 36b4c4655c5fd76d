/**
 * The semantic pass list, declared as data (Peggy style): each entry is one rule in its own file
 * under checks/. Every pass runs on the same resolved spec and all their diagnostics are collected;
 * the driver stops before lowering if any is an error. Order is for readability only:
 * diagnostics are sorted by position afterwards.
 */
import type { Check } from './check-context.js';
import { checkUniqueColumns } from './checks/check-unique-columns.js';
import { checkSafeNames } from './checks/check-safe-names.js';
import { checkDeriveNames } from './checks/check-derive-names.js';
import { checkUniqueTiers } from './checks/check-unique-tiers.js';
import { checkDataPath } from './checks/check-data-path.js';
import { checkGatePercent } from './checks/check-gate-percent.js';
import { checkFormulaTerms } from './checks/check-formula-terms.js';
import { checkFormulaColumns } from './checks/check-formula-columns.js';
import { checkFormulaFunctions } from './checks/check-formula-functions.js';
import { checkCategoryShares } from './checks/check-category-shares.js';
import { checkMissingPercent } from './checks/check-missing-percent.js';
import { checkRowsSeed } from './checks/check-rows-seed.js';
import { checkDistributionParams } from './checks/check-distribution-params.js';
import { checkClipRange } from './checks/check-clip-range.js';
import { checkColumnGenerators } from './checks/check-column-generators.js';
import { checkTargetPresent } from './checks/check-target-present.js';
import { checkTargetKind } from './checks/check-target-kind.js';
import { checkTargetGenerator } from './checks/check-target-generator.js';
import { checkEncodings } from './checks/check-encodings.js';
import { checkUnencodedCategories } from './checks/check-unencoded-categories.js';
import { checkSplit } from './checks/check-split.js';
import { checkMetric } from './checks/check-metric.js';
import { checkModelNames } from './checks/check-model-names.js';
import { checkModelProblem } from './checks/check-model-problem.js';
import { checkTuning } from './checks/check-tuning.js';
import { checkBudgets } from './checks/check-budgets.js';
import { checkRegressionCalibration } from './checks/check-regression-calibration.js';
import { checkEpochNumbers } from './checks/check-epoch-numbers.js';
import { checkEpochAfter } from './checks/check-epoch-after.js';
import { checkEpochCycles } from './checks/check-epoch-cycles.js';
import { checkEpochTiers } from './checks/check-epoch-tiers.js';
import { checkUnusedTiers } from './checks/check-unused-tiers.js';
import { checkComputeCluster } from './checks/check-compute-cluster.js';
import { checkComputeModels } from './checks/check-compute-models.js';
import { checkComputeLocalMemory } from './checks/check-compute-local-memory.js';
import { checkComputeFlow } from './checks/check-compute-flow.js';
import { checkEpochRuntime } from './checks/check-epoch-runtime.js';
import { checkReviews } from './checks/check-reviews.js';
import { checkLifecycleUsed } from './checks/check-lifecycle-used.js';
import { checkFactsUnique } from './checks/check-facts-unique.js';
import { checkGateShape } from './checks/check-gate-shape.js';
import { checkGateFacts } from './checks/check-gate-facts.js';
import { checkGateUnits } from './checks/check-gate-units.js';
import { checkLimitsCeiling } from './checks/check-limits-ceiling.js';
import { checkLimitsPositive } from './checks/check-limits-positive.js';
import { checkChunkRows } from './checks/check-chunk-rows.js';
import { checkCheckpoint } from './checks/check-checkpoint.js';
import { checkLatencyUnit } from './checks/check-latency-unit.js';
import { checkPromote } from './checks/check-promote.js';
import { checkDataFile } from './checks/check-data-file.js';
import { checkDataColumns } from './checks/check-data-columns.js';
import { checkDataTypes } from './checks/check-data-types.js';
import { checkDataTarget } from './checks/check-data-target.js';
import { checkDataRoles } from './checks/check-data-roles.js';
import { checkGateRange } from './checks/check-gate-range.js';
import { checkNumberRange } from './checks/check-number-range.js';
import { checkDominoNames } from './checks/check-domino-names.js';
import { checkDominoGitRef } from './checks/check-domino-git-ref.js';
import { checkDominoGitPin } from './checks/check-domino-git-pin.js';
import { checkDominoEnvironmentPin } from './checks/check-domino-environment-pin.js';
import { checkDominoTierPin } from './checks/check-domino-tier-pin.js';
import { checkDominoIds } from './checks/check-domino-ids.js';

/** Every semantic check, in reading order: names, data, features, models, epochs, gates, platform. */
export const CHECKS: readonly Check[] = [
  // names
  checkUniqueColumns,
  checkSafeNames,
  checkDeriveNames,
  checkUniqueTiers,
  // data and formulas
  checkFormulaTerms,
  checkFormulaColumns,
  checkFormulaFunctions,
  checkCategoryShares,
  checkMissingPercent,
  checkRowsSeed,
  checkNumberRange,
  checkDistributionParams,
  checkClipRange,
  checkColumnGenerators,
  checkTargetPresent,
  checkTargetKind,
  checkTargetGenerator,
  checkDataPath,
  // the spec against its data file (issue 12; silent unless the caller read the file)
  checkDataFile,
  checkDataColumns,
  checkDataTypes,
  checkDataTarget,
  checkDataRoles,
  // features and models
  checkEncodings,
  checkUnencodedCategories,
  checkSplit,
  checkMetric,
  checkModelNames,
  checkModelProblem,
  checkTuning,
  checkBudgets,
  // epochs, reviews, gates
  checkLifecycleUsed,
  checkEpochNumbers,
  checkEpochAfter,
  checkEpochCycles,
  checkEpochTiers,
  checkUnusedTiers,
  checkEpochRuntime,
  checkReviews,
  checkFactsUnique,
  checkRegressionCalibration,
  checkGateShape,
  checkGateFacts,
  checkGateUnits,
  checkGatePercent,
  checkGateRange,
  // platform and deployment
  checkLimitsCeiling,
  checkLimitsPositive,
  checkChunkRows,
  checkCheckpoint,
  checkLatencyUnit,
  checkPromote,
  // distributed compute (codes PCx4xx)
  checkComputeCluster,
  checkComputeModels,
  checkComputeLocalMemory,
  // Domino Flows checks (src/compiler/checks/check-domino-*.ts, codes PC8xxx)
  checkDominoNames,
  checkDominoGitRef,
  checkDominoGitPin,
  checkDominoEnvironmentPin,
  checkDominoTierPin,
  checkDominoIds,
  checkComputeFlow,
];
