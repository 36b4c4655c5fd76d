/**
 * pipec's entry point. Only option parsing lives here; every verb's work is in a lazily imported
 * module (src/cli/actions/*.ts) so `pipec --version` and `pipec check` stay fast.
 * Exit codes: 0 clean, 1 findings (errors, conflicts, stale output, failed gates), 2 usage/internal.
 */
import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands/index.js';
import { EXIT_USAGE, UsageError, reportInternalError } from './exit.js';
import { PIPEC_VERSION } from '../version.js';

// The bundle is minified; with PIPEC_DEBUG a stack trace should point at src/ through the source maps.
if (process.env.PIPEC_DEBUG && process.env.PIPEC_DEBUG !== '0') process.setSourceMapsEnabled(true);

// `pipec graph x | head` closes the pipe early: that is the reader's choice, not an error to report.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    throw err;
  });
}

const program = new Command('pipec')
  .description('Compile declarative Domino ML lifecycle specs (.pipeline) into complete, runnable projects')
  .version(PIPEC_VERSION, '-V, --version')
  .showHelpAfterError('(run with --help for usage and examples)')
  .exitOverride();

registerCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // --help and --version arrive here as "errors" with exit code 0.
    process.exitCode = err.exitCode === 0 ? 0 : EXIT_USAGE;
  } else if (err instanceof UsageError) {
    // A problem with how pipec was called (missing file, conflicting flags): one line, no stack.
    process.stderr.write(`error: ${err.message}\n`);
    process.exitCode = EXIT_USAGE;
  } else {
    reportInternalError(err);
  }
}
