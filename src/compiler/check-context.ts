/** The contract of a check pass: one rule, reading the resolved spec, reporting through the Reporter. */
import type { Reporter } from './report.js';
import type { ResolvedSpec } from './resolve-model.js';
import type { DataSample } from './data-sample.js';

/** What every check receives. Checks never mutate `spec`. */
export interface CheckContext {
  spec: ResolvedSpec;
  rep: Reporter;
  /** The data file's header and sample when the caller read it (undefined: not looked at). */
  data?: DataSample | null;
}

/** One semantic rule (Peggy-style pass): `name` is the file name without `check-`. */
export interface Check {
  name: string;
  run: (ctx: CheckContext) => void;
}
