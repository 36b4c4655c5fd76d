/**
 * `pipec fmt`: canonical formatting. Default prints the formatted text of one file; `--write` rewrites
 * files in place atomically (temp file + rename, so a crash never leaves half a spec); `--check` lists
 * files that would change and exits 1. A file with syntax errors is never formatted: its diagnostics
 * are printed on stderr and the exit code is 1.
 */
import { renameSync, writeFileSync, unlinkSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { hasErrors, type SourceFile } from '../../diagnostics/types.js';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from '../exit.js';
import { readSpecFile } from '../load-spec.js';
import { reportToStderr } from './output.js';

/** Options of `pipec fmt`. */
export interface FmtOptions {
  check?: boolean;
  write?: boolean;
  color?: boolean;
}

/** Replace `path` with `text` atomically, keeping the file's mode. */
export function writeFileAtomic(path: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.pipec-fmt-${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text, { mode: statSync(path).mode });
    renameSync(tmp, path);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // The temp file was never created; nothing to clean up.
    }
    throw new UsageError(`cannot write "${path}": ${(err as Error).message}`);
  }
}

/** Format one file; null when it has syntax errors (already reported on stderr). */
async function formatFile(file: SourceFile, color: boolean | undefined): Promise<string | null> {
  const { formatSpec } = await import('../../grammar/format.js');
  const result = formatSpec(file.text, file.path);
  if (result.diagnostics.length > 0) reportToStderr(result.diagnostics, new Map([[file.path, file.text]]), color);
  if (hasErrors(result.diagnostics)) return null;
  // No text without an error diagnostic is a formatter bug, not a user mistake.
  if (result.text === null) throw new Error(`the formatter produced no text for ${file.path}`);
  return result.text;
}

/** Run the verb and return the exit code. */
export async function runFmt(specs: readonly string[], opts: FmtOptions): Promise<number> {
  if (opts.check && opts.write) throw new UsageError('--check and --write cannot be combined');
  if (!opts.check && !opts.write && specs.length !== 1) {
    throw new UsageError('printing formatted text takes exactly one file; use --write or --check for several');
  }
  const files = specs.map(readSpecFile);
  let failed = false;
  const changed: string[] = [];
  for (const file of files) {
    const formatted = await formatFile(file, opts.color);
    if (formatted === null) {
      failed = true;
      continue;
    }
    if (!opts.check && !opts.write) process.stdout.write(formatted);
    else if (formatted !== file.text) {
      changed.push(file.path);
      if (opts.write) writeFileAtomic(file.path, formatted);
    }
  }
  if (opts.check && changed.length > 0) {
    process.stdout.write(changed.map((p) => `${p}\n`).join(''));
    process.stderr.write(`${changed.length} file${changed.length === 1 ? '' : 's'} would be reformatted (run \`pipec fmt --write\`)\n`);
    return EXIT_FINDINGS;
  }
  if (opts.write) for (const p of changed) process.stdout.write(`formatted ${p}\n`);
  return failed ? EXIT_FINDINGS : EXIT_OK;
}
