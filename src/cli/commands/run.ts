/** `pipec run` — placeholder registration, replaced by the feature that owns this verb. */
import type { Command } from 'commander';

export function registerRun(program: Command): void {
  program.command('run').description('(in progress)').action(() => {
    process.stderr.write('pipec run: not available in this build yet\n');
    process.exitCode = 2;
  });
}
