/**
 * Which files the extension claims. `.pipeline` is also the extension of another tool's JSON files, so
 * a `.pipeline` file is ours only when its first meaningful line looks like pipec: a comment, or a
 * `project NAME {` / `lifecycle NAME {` block. `.pipec` (an alias the compiler accepts too) is always ours.
 * VS Code's own `firstLine` rule (package.json) covers files it opens without a language; this function
 * decides for `.pipeline` files another extension claimed first.
 */

/** The `firstLine` pattern of package.json: a project or lifecycle block header. */
export const FIRST_LINE = '^\\s*(project|lifecycle)\\s+[A-Za-z_][A-Za-z0-9_.]*\\s*\\{';

/** Whether a file with this name and content belongs to pipec. `head` is the start of its text. */
export function claims(fileName: string, head: string): boolean {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.pipec')) return true;
  if (!lower.endsWith('.pipeline')) return false;
  const first = head.replace(/^\uFEFF/, '').split(/\r?\n/).find((l) => l.trim() !== '');
  if (first === undefined) return true; // an empty new spec
  return /^\s*#/.test(first) || new RegExp(FIRST_LINE).test(first);
}
