/** `pipec graph` — placeholder registration, replaced by the feature that owns this verb. */
import type { Command } from 'commander';

export function registerGraph(program: Command): void {
  program.command('graph').description('(in progress)').action(() => {
    process.stderr.write('pipec graph: not available in this build yet\n');
    process.exitCode = 2;
  });
}
