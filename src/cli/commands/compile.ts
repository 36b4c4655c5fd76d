/** `pipec compile` — option parsing only; the work is in actions/compile.ts, imported when the verb runs. */
import { type Command, Option } from 'commander';
// Kept literal (not imported from actions/output.ts) so registering the verb loads no renderer.
const FORMATS = ['pretty', 'json', 'sarif', 'github'] as const;

const collect = (value: string, prev: string[] | undefined): string[] => [...(prev ?? []), value];

/** Register `pipec compile <spec> --out <dir>`. */
export function registerCompile(program: Command): void {
  program
    .command('compile')
    .description('generate the project from a spec; regenerates without losing your edits (exit 0 ok, 1 errors/conflicts/out of date, 2 usage)')
    .argument('<spec>', 'the .pipeline file')
    .requiredOption('-o, --out <dir>', 'output folder (created if missing; only pipec-managed files are touched)')
    .option('--set <key=value>', 'override an IR value after checking, e.g. data.rows=20000 (repeatable)', collect)
    .option('--check', 'write nothing; exit 1 and print the plan when the output is out of date')
    .option('--watch', 'recompile whenever the spec is saved (Ctrl-C to stop)')
    .option('--force', 'overwrite your edits to generated files instead of merging them')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('pretty'))
    .option('--no-color', 'never colour output')
    .addHelpText(
      'after',
      `
Examples:
  $ pipec compile examples/credit-risk/project.pipeline --out out/credit-risk
  $ pipec compile project.pipeline --out . --set data.rows=20000
  $ pipec compile project.pipeline --out . --check      # CI / pre-commit: fail when stale
  $ pipec compile project.pipeline --out . --watch
See docs/regenerate.md for how edits are merged.`,
    )
    .action(async (spec: string, opts: { out: string; set?: string[]; check?: boolean; watch?: boolean; force?: boolean; format: (typeof FORMATS)[number]; color?: boolean }) => {
      const { runCompile } = await import('../actions/compile.js');
      process.exitCode = await runCompile(spec, opts);
    });
}
