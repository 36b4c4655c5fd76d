/** `pipec fmt` — placeholder registration, replaced by the feature that owns this verb. */
import type { Command } from 'commander';

export function registerFmt(program: Command): void {
  program.command('fmt').description('(in progress)').action(() => {
    process.stderr.write('pipec fmt: not available in this build yet\n');
    process.exitCode = 2;
  });
}
