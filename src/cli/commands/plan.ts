/** `pipec plan` — placeholder registration, replaced by the feature that owns this verb. */
import type { Command } from 'commander';

export function registerPlan(program: Command): void {
  program.command('plan').description('(in progress)').action(() => {
    process.stderr.write('pipec plan: not available in this build yet\n');
    process.exitCode = 2;
  });
}
