/** `pipec status` — option parsing only; the work is in actions/status.ts (src/runner/status.ts). */
import { type Command, Option } from 'commander';

/** Register `pipec status <project-dir>`. */
export function registerStatus(program: Command): void {
  program
    .command('status')
    .description('show the epochs of a generated project: done/failed/blocked/stale/pending, gates, reviews, checkpoints, time (exit 1 if any failed/blocked)')
    .argument('<project-dir>', 'folder of a generated project (holds .pipec/ir.json)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (dir: string, opts: { format: 'table' | 'json' }) => {
      const { runStatusCommand } = await import('../actions/status.js');
      process.exitCode = await runStatusCommand(dir, opts);
    });
}
