/**
 * Line-based 3-way merge (node-diff3) of a user's edited file with a new generated version.
 * yours = the file on disk, base = what pipec generated last time, generated = what it generates now.
 * Conflicts are written with git's diff3-style markers so every editor and `git mergetool` knows them.
 */
import { diff3Merge } from 'node-diff3';

/** Outcome of a merge: the text to write and whether it contains conflict markers. */
export interface MergeOutcome {
  text: string;
  conflicts: number;
}

export const MARKER_YOURS = '<<<<<<< yours';
export const MARKER_BASE = '||||||| base';
export const MARKER_SPLIT = '=======';
export const MARKER_GENERATED = '>>>>>>> generated';

/** Split keeping each line's `\n`, so merging never adds or drops a final newline. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n').map((l) => `${l}\n`);
  const last = lines.length - 1;
  // "a\nb" ends without a newline: the last piece must not gain one.
  lines[last] = lines[last]!.slice(0, -1);
  if (lines[last] === '') lines.pop();
  return lines;
}

/** A block of lines followed by a marker must end with a newline, or the marker joins its last line. */
function block(lines: readonly string[]): string {
  const text = lines.join('');
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

/**
 * Merge three versions. Changes made identically on both sides are not conflicts
 * (excludeFalseConflicts), so a user who already applied the spec's change by hand merges cleanly.
 */
export function mergeText(yours: string, base: string, generated: string): MergeOutcome {
  const regions = diff3Merge(splitLines(yours), splitLines(base), splitLines(generated), {
    excludeFalseConflicts: true,
  });
  let text = '';
  let conflicts = 0;
  for (const r of regions) {
    if (r.ok) {
      text += r.ok.join('');
    } else if (r.conflict) {
      conflicts++;
      const pre = text === '' || text.endsWith('\n') ? '' : '\n';
      text +=
        `${pre}${MARKER_YOURS}\n${block(r.conflict.a)}` +
        `${MARKER_BASE}\n${block(r.conflict.o)}${MARKER_SPLIT}\n${block(r.conflict.b)}${MARKER_GENERATED}\n`;
    }
  }
  return { text, conflicts };
}

/** True when a file still contains an unresolved conflict written by pipec. */
export function hasConflictMarkers(text: string): boolean {
  return text.includes(`${MARKER_YOURS}\n`) && text.includes(`\n${MARKER_GENERATED}`);
}
