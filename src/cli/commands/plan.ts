/** `pipec plan` — option parsing only; the work is in actions/plan.ts, imported when the verb runs. */
import { type Command, Option } from 'commander';

const FORMATS = ['pretty', 'json'] as const;
const collect = (value: string, prev: string[] | undefined): string[] => [...(prev ?? []), value];

/** Register `pipec plan <spec> --out <dir>`. */
export function registerPlan(program: Command): void {
  program
    .command('plan')
    .description('show what `pipec compile` would change and which epochs must rerun, without writing anything')
    .argument('<spec>', 'the .pipeline file')
    .requiredOption('-o, --out <dir>', 'the generated project to compare with')
    .option('--set <key=value>', 'IR override, as for compile (repeatable)', collect)
    .option('--force', 'plan as `compile --force` would (overwrite edits)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('pretty'))
    .option('--no-color', 'never colour output')
    .addHelpText(
      'after',
      `
Examples:
  $ pipec plan project.pipeline --out .
  $ pipec plan project.pipeline --out . --format json | jq '.epochs.rerun'`,
    )
    .action(async (spec: string, opts: { out: string; set?: string[]; force?: boolean; format: (typeof FORMATS)[number]; color?: boolean }) => {
      const { runPlan } = await import('../actions/plan.js');
      process.exitCode = await runPlan(spec, opts);
    });
}
