/** `pipec fmt` — option parsing only; the work is in actions/fmt.ts. */
import type { Command } from 'commander';

/** Register `pipec fmt [--check] [--write] <spec...>`. */
export function registerFmt(program: Command): void {
  program
    .command('fmt')
    .description('format specs canonically (comments kept); prints one file, or --write / --check several')
    .argument('<spec...>', '.pipeline files to format')
    .option('--check', 'list files that are not formatted and exit 1 (nothing is written)')
    .option('-w, --write', 'rewrite files in place (atomically)')
    .option('--no-color', 'never colour diagnostics')
    .addHelpText(
      'after',
      `
Examples:
  $ pipec fmt project.pipeline                  # print the formatted text
  $ pipec fmt --write examples/*/project.pipeline
  $ pipec fmt --check examples/*/project.pipeline   # CI: exit 1 if any file would change`,
    )
    .action(async (specs: string[], opts: { check?: boolean; write?: boolean; color?: boolean }) => {
      const { runFmt } = await import('../actions/fmt.js');
      process.exitCode = await runFmt(specs, opts);
    });
}
