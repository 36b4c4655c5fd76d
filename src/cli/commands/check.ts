/** `pipec check` — option parsing only; the work is in actions/check.ts, imported when the verb runs. */
import { type Command, Option } from 'commander';
// Kept literal here (not imported from actions/output.ts) so registering the verb loads no renderer.
const DIAGNOSTIC_FORMATS = ['pretty', 'json', 'sarif', 'github'] as const;

/** Register `pipec check <spec...>`. */
export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('check specs and report every problem found (exit 0 clean or warnings only, 1 errors, 2 usage)')
    .argument('<spec...>', '.pipeline files to check')
    .addOption(new Option('-f, --format <format>', 'output format').choices(DIAGNOSTIC_FORMATS).default('pretty'))
    .option('--no-color', 'never colour output (also: NO_COLOR=1; FORCE_COLOR=1 forces colour)')
    .option('--no-feasibility', 'skip the feasibility pass (synthetic oracle, size and memory estimates)')
    .option('--deep', 'file data: fit quick cross-validated baselines on a sample through Python (cached) and report each metric\'s interval')
    .option('--python <path>', 'Python interpreter for --deep (default: PIPEC_PYTHON, .venv beside the spec, pipec\'s .venv, python3)')
    .addHelpText(
      'after',
      `
Examples:
  $ pipec check examples/credit-risk/project.pipeline
  $ pipec check --format json specs/*.pipeline > diagnostics.json
  $ pipec check --format sarif project.pipeline > pipec.sarif     # GitHub code scanning
  $ pipec check --deep project.pipeline                           # file data: quick baseline intervals
  $ pipec check --format github project.pipeline                  # annotations in GitHub Actions`,
    )
    .action(async (specs: string[], opts: { format: (typeof DIAGNOSTIC_FORMATS)[number]; color?: boolean; feasibility?: boolean; deep?: boolean; python?: string }) => {
      const { runCheck } = await import('../actions/check.js');
      process.exitCode = await runCheck(specs, opts);
    });
}
