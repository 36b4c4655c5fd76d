/** `pipec check` — placeholder registration, replaced by the feature that owns this verb. */
import type { Command } from 'commander';

export function registerCheck(program: Command): void {
  program.command('check').description('(in progress)').action(() => {
    process.stderr.write('pipec check: not available in this build yet\n');
    process.exitCode = 2;
  });
}
