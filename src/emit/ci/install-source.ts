/**
 * Where the generated CI and pre-commit hooks install pipec from: never a bare package name (no
 * `pipec` package is published, and whoever published one would run code in every generated
 * project's CI), always a source pinned to exact content:
 *   - a git URL with the exact commit: `git+https://host/org/pipec.git#<40-hex commit>`
 *   - a tarball URL with its integrity: `https://host/pipec-0.1.0.tgz#sha512-<base64>`
 * Recorded at compile time (src/cli/pipec-source.ts) and written into one env value of the workflow.
 * Pure: parsing and formatting only.
 */

/** A pinned install source. */
export type PipecSource = { kind: 'git'; url: string; commit: string } | { kind: 'tarball'; url: string; integrity: string };

const GIT = /^(git\+(?:https|ssh):\/\/[^\s#"'`$\\]+)#([0-9a-f]{40})$/;
const TARBALL = /^(https:\/\/[^\s#"'`$\\]+\.tgz)#(sha512-[A-Za-z0-9+/]{86}==)$/;

/** Parse `git+https://…#<commit>` or `https://….tgz#sha512-…`; null when it is neither (not pinned). */
export function parsePipecSource(text: string): PipecSource | null {
  const git = GIT.exec(text.trim());
  if (git) return { kind: 'git', url: git[1] as string, commit: git[2] as string };
  const tar = TARBALL.exec(text.trim());
  if (tar) return { kind: 'tarball', url: tar[1] as string, integrity: tar[2] as string };
  return null;
}

/** The one-string form written into the workflow (`PIPEC_SOURCE`) and read back by parsePipecSource. */
export function formatPipecSource(s: PipecSource): string {
  return s.kind === 'git' ? `${s.url}#${s.commit}` : `${s.url}#${s.integrity}`;
}

/** What npm installs for the pre-commit hooks (a tarball is named by its URL; its integrity is checked in CI). */
export function npmSpecifier(s: PipecSource): string {
  return s.kind === 'git' ? `${s.url}#${s.commit}` : s.url;
}

/** The two accepted forms, as examples. */
export const GIT_SOURCE_FORM = 'git+https://host/org/pipec.git#<40-hex commit>';
export const TARBALL_SOURCE_FORM = 'https://host/pipec-X.Y.Z.tgz#sha512-<base64>';

/** The accepted forms in words, for error messages. */
export const PIPEC_SOURCE_FORMS = `a git URL with an exact commit (${GIT_SOURCE_FORM}) or a tarball URL with its integrity (${TARBALL_SOURCE_FORM})`;
