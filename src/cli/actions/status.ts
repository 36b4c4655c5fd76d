/** `pipec status`: print the epoch table (or JSON); exit 1 when an epoch failed or is blocked. */
import { RunUsageError } from '../../runner/options.js';
import { collectStatus, renderStatusTable } from '../../runner/status.js';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from '../exit.js';

/** Run the verb; returns the exit code. */
export async function runStatusCommand(dir: string, opts: { format: 'table' | 'json' }): Promise<number> {
  try {
    const report = await collectStatus(dir);
    process.stdout.write(opts.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderStatusTable(report));
    return report.ok ? EXIT_OK : EXIT_FINDINGS;
  } catch (err) {
    if (err instanceof RunUsageError) {
      process.stderr.write(`error: ${err.message}\n`);
      return EXIT_USAGE;
    }
    throw err;
  }
}
