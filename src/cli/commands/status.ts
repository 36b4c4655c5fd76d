/** `pipec status` — placeholder registration, replaced by the feature that owns this verb. */
import type { Command } from 'commander';

export function registerStatus(program: Command): void {
  program.command('status').description('(in progress)').action(() => {
    process.stderr.write('pipec status: not available in this build yet\n');
    process.exitCode = 2;
  });
}
