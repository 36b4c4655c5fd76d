/**
 * The epoch's whole process tree: total RSS (pidtree lists descendants, pidusage reads each RSS from
 * /proc on Linux) and killing it (the process group first, then any descendant that left it).
 */
import pidtree from 'pidtree';
import pidusage from 'pidusage';

/** Pids of `root` and all its descendants (just `root` when listing fails: it may have exited). */
export async function treePids(root: number): Promise<number[]> {
  try {
    return await pidtree(root, { root: true });
  } catch {
    return [root];
  }
}

/** Sum of RSS bytes over the tree of `root`; processes that exit mid-sample count as 0. */
export async function treeRss(root: number): Promise<number> {
  const pids = await treePids(root);
  const stats = await Promise.allSettled(pids.map((pid) => pidusage(pid)));
  return stats.reduce((sum, s) => sum + (s.status === 'fulfilled' ? s.value.memory : 0), 0);
}

/** SIGKILL the tree of `root` (which leads its own process group). */
export async function killTree(root: number): Promise<void> {
  const pids = await treePids(root);
  try {
    process.kill(-root, 'SIGKILL');
  } catch {
    // not a group leader, or already gone: the per-pid kills below cover it
  }
  for (const pid of pids.reverse()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already exited
    }
  }
}

/** Forget pidusage's per-pid history (it keeps CPU samples between calls). */
export function clearUsageCache(): void {
  pidusage.clear();
}
