/**
 * Building diagnostics in the compiler: severity comes from the code registry (one source of truth),
 * and "did you mean" suggestions use edit distance so every unknown-name message offers the same help.
 */
import { distance } from 'fastest-levenshtein';
import { makeDiagnostic } from '../diagnostics/make.js';
import type { Diagnostic, DiagnosticCode, Range, RelatedInfo } from '../diagnostics/types.js';
import type { Loc } from './model.js';

/** Collects the diagnostics of one stage; the driver stops between stages when any is an error. */
export class Reporter {
  readonly diagnostics: Diagnostic[] = [];

  /** Report `code` at `at` (a located node). The hint is the fix in words; related points elsewhere. */
  report(code: DiagnosticCode, at: Loc, message: string, hint?: string, related?: RelatedInfo[]): void {
    this.reportRange(code, at.file, at.range, message, hint, related);
  }

  /** Like report() with an explicit file and range (ranges of syntax nodes). */
  reportRange(code: DiagnosticCode, file: string, range: Range | undefined, message: string, hint?: string, related?: RelatedInfo[]): void {
    this.diagnostics.push(makeDiagnostic({ code, file, range, message, hint, related }));
  }

  /** Whether any error was reported so far. */
  hasErrors(): boolean {
    return this.diagnostics.some((d) => d.severity === 'error');
  }
}

/** "first defined here"-style related info for a located node. */
export function relatedAt(message: string, at: Loc): RelatedInfo {
  return { message, file: at.file, range: at.range };
}

/**
 * The closest candidate to `name`, if close enough to be a plausible typo (distance ≤ 1 for names
 * of up to 3 characters, else ≤ 2, or ≤ 3 from 9 characters: a swapped pair costs 2); ties broken
 * alphabetically so the suggestion is deterministic.
 */
export function closestName(name: string, candidates: Iterable<string>): string | null {
  let best: string | null = null;
  let bestDist = Infinity;
  for (const c of [...candidates].sort()) {
    const d = distance(name.toLowerCase(), c.toLowerCase());
    if (d < bestDist) {
      best = c;
      bestDist = d;
    }
  }
  const limit = name.length <= 3 ? 1 : name.length < 9 ? 2 : 3;
  if (best !== null && bestDist <= limit) return best;
  // A truncated name (`f1` for `f1_score`) is far in edit distance but an obvious intent.
  const prefixed = [...candidates].filter((c) => name.length >= 2 && c.startsWith(name)).sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  return prefixed[0] ?? null;
}

/** A hint that suggests the closest name, else lists what is allowed (first 8). */
export function didYouMean(name: string, candidates: Iterable<string>, what: string): string {
  const all = [...new Set(candidates)].sort();
  const best = closestName(name, all);
  if (best !== null) return `did you mean \`${best}\`?`;
  if (all.length === 0) return `no ${what} is defined here`;
  const shown = all.slice(0, 8).map((c) => `\`${c}\``).join(', ');
  return `expected one of the ${what}: ${shown}${all.length > 8 ? ', ...' : ''}`;
}
