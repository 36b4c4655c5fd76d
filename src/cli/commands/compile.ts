/** `pipec compile` — placeholder registration, replaced by the feature that owns this verb. */
import type { Command } from 'commander';

export function registerCompile(program: Command): void {
  program.command('compile').description('(in progress)').action(() => {
    process.stderr.write('pipec compile: not available in this build yet\n');
    process.exitCode = 2;
  });
}
