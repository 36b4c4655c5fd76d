// Rule: a data file path is relative to the spec, with `/` separators (generated projects stay portable).
import type { Check } from '../check-context.js';

/** Why `path` cannot be used as a portable relative path, or null. */
export function pathProblem(path: string): string | null {
  if (path.trim() === '') return 'it is empty';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'it is absolute';
  if (path.includes('\\')) return 'it uses `\\` separators';
  if (path.startsWith('~')) return 'it starts with `~`';
  return null;
}

/** PC3015: data file path not relative. */
export const checkDataPath: Check = {
  name: 'data-path',
  run({ spec, rep }) {
    const p = spec.project.data?.path;
    const why = p ? pathProblem(p.value) : null;
    if (p && why) {
      rep.report('PC3015', p, `data file path "${p.value}" cannot be used: ${why}`,
        'write it relative to the spec\'s folder with `/` separators, e.g. `data file "data/loans.csv"`');
    }
  },
};
