// Rule: `git_ref` is a ref name git accepts (git check-ref-format rules), so every flow job can check it out.
import type { Check } from '../check-context.js';

/** Why `ref` is not a valid git ref name, or null when it is. */
export function gitRefProblem(ref: string): string | null {
  if (ref.trim() === '') return 'it is empty';
  if (/[\s~^:?*[\\\u0000-\u001f\u007f]/.test(ref)) return 'it contains a space, a control character or one of ~ ^ : ? * [ \\';
  if (ref.includes('..')) return 'it contains ".."';
  if (ref.includes('@{')) return 'it contains "@{"';
  if (ref.includes('//')) return 'it contains "//"';
  if (ref.startsWith('/') || ref.endsWith('/') || ref.endsWith('.')) return 'it starts or ends with "/" or ends with "."';
  if (ref.split('/').some((part) => part.startsWith('.') || part.endsWith('.lock'))) {
    return 'a component starts with "." or ends with ".lock"';
  }
  return null;
}

/** PC8004: invalid git ref. */
export const checkDominoGitRef: Check = {
  name: 'domino-git-ref',
  run({ spec, rep }) {
    const ref = spec.project.domino?.gitRef;
    if (!ref) return;
    const problem = gitRefProblem(ref.value);
    if (problem) {
      rep.report('PC8004', ref, `git_ref "${ref.value}" is not a valid git ref: ${problem}`,
        'use a tag (`tags/v1.0`), a branch (`main`) or a 40-hex commit id');
    }
  },
};
