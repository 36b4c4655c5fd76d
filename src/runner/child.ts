/**
 * Runs one epoch script as a child process: streams its output line by line, samples the RSS of its
 * whole process tree and kills the tree past the memory limit or the timeout.
 */
import { createInterface } from 'node:readline';
import { execa } from 'execa';
import { RunUsageError } from './options.js';
import { clearUsageCache, killTree, treeRss } from './process-tree.js';
import { pythonEnv } from './runtime-cli.js';

/** How the child ended. */
export type ChildOutcome =
  | { kind: 'exit'; code: number }
  | { kind: 'signal'; signal: string }
  | { kind: 'memory'; rss: number; limit: number }
  | { kind: 'timeout'; seconds: number };

/** What the runner needs to start one epoch. */
export interface ChildSpec {
  python: string;
  root: string;
  script: string;
  env: Record<string, string>;
  maxMemoryBytes: number;
  timeoutSeconds: number | null;
  pollMs: number;
  /** Called once the child is started, with its pid (the runner kills its tree on Ctrl-C). */
  onStart?: (pid: number) => void;
  /** Called for every output line (stream = which pipe). */
  onLine: (line: string, stream: 'stdout' | 'stderr') => void;
}

/** Run the child to completion; never rejects for the child's own failures. */
export async function runChild(spec: ChildSpec): Promise<ChildOutcome & { peakRss: number }> {
  const child = execa(spec.python, [spec.script], {
    cwd: spec.root,
    env: pythonEnv(spec.root, spec.env),
    stdin: 'ignore', // reviews are handled by the runner; an epoch never prompts
    stdout: 'pipe',
    stderr: 'pipe',
    buffer: false,
    reject: false,
    detached: true, // own process group, so the whole tree can be killed at once
  });
  const pid = child.pid;
  if (pid !== undefined) spec.onStart?.(pid);
  let stop: ChildOutcome | null = null;
  let peakRss = 0;
  const lines: Promise<void>[] = [];
  for (const stream of ['stdout', 'stderr'] as const) {
    const readable = child[stream];
    if (readable) {
      const rl = createInterface({ input: readable, crlfDelay: Infinity });
      rl.on('line', (line) => spec.onLine(line, stream));
      lines.push(new Promise((res) => rl.on('close', () => res())));
    }
  }
  let busy = false;
  const poll = setInterval(() => {
    if (busy || stop || pid === undefined) return;
    busy = true;
    void treeRss(pid)
      .then(async (rss) => {
        peakRss = Math.max(peakRss, rss);
        if (rss > spec.maxMemoryBytes && !stop) {
          stop = { kind: 'memory', rss, limit: spec.maxMemoryBytes };
          await killTree(pid);
        }
      })
      .finally(() => {
        busy = false;
      });
  }, spec.pollMs);
  const timer =
    spec.timeoutSeconds !== null && pid !== undefined
      ? setTimeout(() => {
          if (stop) return;
          stop = { kind: 'timeout', seconds: spec.timeoutSeconds ?? 0 };
          void killTree(pid);
        }, spec.timeoutSeconds * 1000)
      : null;
  const result = await child;
  clearInterval(poll);
  if (timer) clearTimeout(timer);
  await Promise.all(lines);
  clearUsageCache();
  const stopped = stop as ChildOutcome | null;
  if (stopped) return { ...stopped, peakRss };
  if (result.exitCode === undefined && result.signal) return { kind: 'signal', signal: result.signal, peakRss };
  if (result.exitCode === undefined) throw new RunUsageError(`cannot start ${spec.python}: ${result.shortMessage}`);
  return { kind: 'exit', code: result.exitCode, peakRss };
}
