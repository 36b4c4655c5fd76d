/** `pipec explain` — option parsing only; the work is in actions/explain.ts. */
import type { Command } from 'commander';

/** Register `pipec explain [CODE]`. */
export function registerExplain(program: Command): void {
  program
    .command('explain')
    .description('explain a diagnostic code: what it means, an example, how to fix it (no code: list all)')
    .argument('[code]', 'a diagnostic code such as PC2001')
    .addHelpText(
      'after',
      `
Examples:
  $ pipec explain PC2001
  $ pipec explain            # list every code with its title`,
    )
    .action(async (code: string | undefined) => {
      const { runExplain } = await import('../actions/explain.js');
      process.exitCode = runExplain(code);
    });
}
