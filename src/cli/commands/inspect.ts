/** `pipec inspect` — option parsing only; the work is in actions/inspect.ts. */
import { type Command, Option } from 'commander';

/** Register `pipec inspect <spec> [--format json|yaml]`. */
export function registerInspect(program: Command): void {
  program
    .command('inspect')
    .description('print the IR: the spec fully resolved (stdlib merged, defaults applied, epochs ordered)')
    .argument('<spec>', 'the .pipeline file')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'yaml']).default('json'))
    .option('--no-color', 'never colour diagnostics')
    .addHelpText(
      'after',
      `
Examples:
  $ pipec inspect examples/credit-risk/project.pipeline
  $ pipec inspect --format yaml project.pipeline | less`,
    )
    .action(async (spec: string, opts: { format: 'json' | 'yaml'; color?: boolean }) => {
      const { runInspect } = await import('../actions/inspect.js');
      process.exitCode = await runInspect(spec, opts);
    });
}
