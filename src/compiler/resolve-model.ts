/**
 * The resolved spec: the user's project with its library merged in. Checks read this; lowering turns
 * it into the IR. Merging keeps every declaration with its location, so checks can point at
 * whichever file a problem comes from (the spec or `<stdlib>/...`).
 */
import type { EpochDecl, FactDecl, GateRuleDecl, LifecycleDecl, Located, ProblemKind, ProjectDecl, ReviewDecl, TierDecl } from './model.js';

/** One epoch after merging a stdlib epoch with the spec's override of the same number (if any). */
export interface ResolvedEpoch {
  id: string;
  /** The stdlib declaration, or the user's for a new epoch. */
  base: EpochDecl;
  /** The spec's `epoch NNN { ... }` for a stdlib epoch, else null. */
  override: EpochDecl | null;
  /** User-defined (not in the library). */
  custom: boolean;
  after: Located<string>[];
  tier: Located<string> | null;
  /** Facts with the metric facts expanded for the problem kind. */
  produces: FactDecl[];
  gate: { rule: GateRuleDecl; origin: 'stdlib' | 'spec' }[];
}

/** Who produces a fact. */
export interface FactOwner {
  fact: FactDecl;
  epoch: string;
}

/** The whole merged spec. */
export interface ResolvedSpec {
  project: ProjectDecl;
  library: LifecycleDecl | null;
  /** Problem kind (shape guarantees it is set before resolution). */
  problem: ProblemKind;
  /** Sorted by id; user epochs with a duplicate number are kept out (reported by check-epoch-numbers). */
  epochs: ResolvedEpoch[];
  /** Logical tiers: library first, then the spec's `domino` tiers replacing same-named ones. */
  tiers: Map<string, TierDecl>;
  /** First producer of each fact name. */
  facts: Map<string, FactOwner>;
  /** Reviews by epoch id: library defaults replaced by the spec's. */
  reviews: Map<string, ReviewDecl>;
}
