/** `pipec explain` — placeholder registration, replaced by the feature that owns this verb. */
import type { Command } from 'commander';

export function registerExplain(program: Command): void {
  program.command('explain').description('(in progress)').action(() => {
    process.stderr.write('pipec explain: not available in this build yet\n');
    process.exitCode = 2;
  });
}
