/** `pipec inspect` — placeholder registration, replaced by the feature that owns this verb. */
import type { Command } from 'commander';

export function registerInspect(program: Command): void {
  program.command('inspect').description('(in progress)').action(() => {
    process.stderr.write('pipec inspect: not available in this build yet\n');
    process.exitCode = 2;
  });
}
