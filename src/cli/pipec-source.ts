/**
 * The pinned source of the pipec that is compiling (src/emit/ci/install-source.ts), recorded into the
 * generated CI workflow and pre-commit hooks. One place overrides it: `PIPEC_INSTALL_SOURCE` at compile
 * time. Otherwise, when pipec runs from a git checkout with an `origin` remote and a clean tree, its
 * remote URL and exact HEAD commit. Otherwise none is known: the generated install step then fails
 * with instructions instead of installing an unpinned name.
 */
import { spawnSync } from 'node:child_process';
import { parsePipecSource, PIPEC_SOURCE_FORMS, type PipecSource } from '../emit/ci/install-source.js';
import { UsageError } from './exit.js';
import { packageRoot } from './load-stdlib.js';

function git(args: string[], cwd: string): string | null {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', timeout: 10_000 });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Resolve the source; a malformed PIPEC_INSTALL_SOURCE is a usage error (exit 2). */
export function resolvePipecSource(env: NodeJS.ProcessEnv = process.env): PipecSource | null {
  const explicit = env.PIPEC_INSTALL_SOURCE;
  if (explicit !== undefined && explicit !== '') {
    const parsed = parsePipecSource(explicit);
    if (!parsed) throw new UsageError(`PIPEC_INSTALL_SOURCE must be ${PIPEC_SOURCE_FORMS}; got "${explicit}"`);
    return parsed;
  }
  const root = packageRoot();
  const remote = git(['remote', 'get-url', 'origin'], root);
  const commit = git(['rev-parse', 'HEAD'], root);
  const dirty = git(['status', '--porcelain', '--untracked-files=no'], root);
  if (!remote || !commit || dirty === null || dirty !== '') return null; // uncommitted code has no commit to pin
  const url = remote.startsWith('git@') ? `git+ssh://${remote.replace(':', '/')}` : `git+${remote}`;
  return parsePipecSource(`${url}#${commit}`);
}
