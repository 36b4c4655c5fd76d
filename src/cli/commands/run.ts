/** `pipec run` — option parsing only; the work is in actions/run.ts (src/runner), imported when the verb runs. */
import type { Command } from 'commander';

/** Options as commander parses them (strings are validated by the action). */
export interface RunCliOptions {
  from?: string;
  only?: string;
  resume?: boolean;
  approve?: string;
  yes?: boolean;
  python?: string;
  timeoutPerEpoch?: string;
  maxMemory?: string;
  verbose?: boolean;
}

/** Register `pipec run <project-dir>`. */
export function registerRun(program: Command): void {
  program
    .command('run')
    .description('run the epochs of a generated project locally, in order, with gates, reviews and limits (exit 0 ok, 1 failed/blocked, 2 usage)')
    .argument('<project-dir>', 'folder of a generated project (holds .pipec/ir.json)')
    .option('--from <epoch>', 'start at this epoch (e.g. 004)')
    .option('--only <epoch>', 'run only this epoch (e.g. 005)')
    .option('--resume', 'rerun only epochs whose code key changed (and downstream), re-check changed gates on recorded facts, resume inside an interrupted epoch from its checkpoint')
    .option('--approve <epochs>', 'approve the reviews after these epochs (e.g. 003,006)')
    .option('--yes', 'approve every review this run meets')
    .option('--python <path>', 'Python interpreter (default: $PIPEC_PYTHON, then <project>/.venv, then pipec\'s .venv, then python3 on PATH)')
    .option('--timeout-per-epoch <duration>', 'stop an epoch after this long (e.g. 30m, 1h30m)')
    .option('--max-memory <size>', 'memory limit of each epoch\'s process tree (e.g. 12GB)')
    .option('--verbose', 'also show library output (MLflow, Streamlit, Python warnings) that otherwise goes to .context/logs/epochNNN.log')
    .addHelpText(
      'after',
      `
Examples:
  $ pipec run out/credit_risk
  $ pipec run out/credit_risk --resume                 # after a crash or kill
  $ pipec run out/credit_risk --only 005 --max-memory 4GB
  $ pipec run out/credit_risk --approve 003,006        # CI: no terminal to ask on`,
    )
    .action(async (dir: string, opts: RunCliOptions) => {
      const { runRunCommand } = await import('../actions/run.js');
      process.exitCode = await runRunCommand(dir, opts);
    });
}
