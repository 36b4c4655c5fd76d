/** `pipec run`: validate the options, then hand over to src/runner. Usage problems exit 2. */
import { runPipeline } from '../../runner/run.js';
import { RunUsageError, checkEpochId, parseDuration, parseEpochList, parseSize, type RunOptions } from '../../runner/options.js';
import type { RunCliOptions } from '../commands/run.js';
import { EXIT_USAGE } from '../exit.js';

/** Run the verb; returns the exit code. */
export async function runRunCommand(dir: string, cli: RunCliOptions): Promise<number> {
  let opts: RunOptions;
  try {
    opts = {
      projectDir: dir,
      from: cli.from === undefined ? undefined : checkEpochId(cli.from, '--from'),
      only: cli.only === undefined ? undefined : checkEpochId(cli.only, '--only'),
      resume: Boolean(cli.resume),
      approve: cli.approve ? parseEpochList(cli.approve) : [],
      yes: Boolean(cli.yes),
      python: cli.python,
      timeoutSeconds: cli.timeoutPerEpoch === undefined ? undefined : parseDuration(cli.timeoutPerEpoch),
      maxMemoryBytes: cli.maxMemory === undefined ? undefined : parseSize(cli.maxMemory),
    };
    // The epochs' runtime reads it (pipec_runtime/console.py): library output echoed, not only logged.
    if (cli.verbose) process.env.PIPEC_VERBOSE = '1';
    return await runPipeline(opts, {
      out: (line) => process.stdout.write(`${line}\n`),
      err: (line) => process.stderr.write(`${line}\n`),
      interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    });
  } catch (err) {
    if (err instanceof RunUsageError) {
      process.stderr.write(`error: ${err.message}\n`);
      return EXIT_USAGE;
    }
    throw err;
  }
}
