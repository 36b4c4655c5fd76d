/** `pipec init --from data.csv` — option parsing only; the work is in actions/init.ts (issue 12). */
import { type Command, Option } from 'commander';

/** Register `pipec init --from <file> [--target col] [--problem kind] [--out spec] [--force]`. */
export function registerInit(program: Command): void {
  program
    .command('init')
    .description('write a project.pipeline from a data file: columns, types, roles and target inferred from its first rows')
    .requiredOption('--from <file>', 'the CSV or Parquet data file to start from')
    .option('--target <column>', 'the column to predict (asked on a terminal, else proposed)')
    .addOption(new Option('--problem <kind>', 'the problem kind (default: from the target\'s values)').choices(['classification', 'regression']))
    .option('--name <name>', 'project name (default: from the file name)')
    .option('--role <column=kind>', 'what a column becomes instead of what its values suggest (repeatable): ' +
      'int, float, bool, category, text, datetime, id or ignore', (v: string, all: string[]) => [...all, v], [] as string[])
    .option('-o, --out <spec>', 'where to write the spec', 'project.pipeline')
    .option('--force', 'overwrite an existing spec')
    .option('--no-input', 'never prompt, even on a terminal')
    .addHelpText(
      'after',
      `
Examples:
  $ pipec init --from data/customers.csv --target churned
  $ pipec init --from data/tickets.csv --role message=text --role agent=ignore --no-input
  $ pipec init --from examples/iris-species/data.csv --out iris/project.pipeline --force`,
    )
    .action(async (opts: InitFlags) => {
      const { runInit } = await import('../actions/init.js');
      process.exitCode = await runInit(opts);
    });
}

/** The flags as commander parses them. */
export interface InitFlags {
  from: string;
  target?: string;
  problem?: 'classification' | 'regression';
  name?: string;
  /** `--role column=kind`, in the order given. */
  role?: string[];
  out: string;
  force?: boolean;
  /** false with `--no-input`. */
  input?: boolean;
}
