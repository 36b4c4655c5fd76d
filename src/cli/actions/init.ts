/**
 * `pipec init --from data.csv`: sample the file (the same bounded reader as `pipec check`), infer a
 * spec (pure: compiler/init-spec.ts), format it canonically, check it against the same file, write
 * it (never over an existing spec without --force) and print the next two commands. On a terminal
 * the target, the problem kind and (when the user wants to adjust them) each column's role are asked
 * with @inquirer/prompts; elsewhere flags (`--target`, `--problem`, `--role col=kind`) or inference decide.
 */
import { existsSync, mkdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { InitFlags } from '../commands/init.js';
import type { DataSample } from '../../compiler/data-sample.js';
import { INIT_COLUMN_KINDS as KINDS, type InitChoices, type InitColumnKind } from '../../compiler/init-spec.js';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from '../exit.js';
import { checkSource } from '../load-spec.js';
import { readDataSample } from '../read-data-sample.js';
import { formatDiagnostics, colorFor } from './output.js';

/** `data.csv` → its format, or a usage error. */
function formatOf(path: string): 'csv' | 'parquet' {
  const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase();
  if (ext === 'csv') return 'csv';
  if (ext === 'parquet' || ext === 'pq') return 'parquet';
  throw new UsageError(`cannot tell the format of "${path}": use a .csv or .parquet file`);
}

/** The data path as the spec writes it: relative to the spec's folder, `/` separators. */
function specRelative(specPath: string, dataPath: string): string {
  const rel = relative(dirname(resolve(specPath)), resolve(dataPath)).split('\\').join('/');
  if (isAbsolute(rel) || rel === '') throw new UsageError(`"${dataPath}" cannot be written relative to "${specPath}"`);
  return rel;
}

/** Ask for the target and problem on a terminal (defaults: the proposals). */
async function ask(sample: DataSample, proposed: { target: string; problem: string }): Promise<{ target: string; problem: 'classification' | 'regression' }> {
  const { select } = await import('@inquirer/prompts');
  const target = await select({
    message: 'Which column should the model predict?',
    default: proposed.target,
    choices: sample.columns.map((c) => ({ name: c, value: c })),
  });
  const problem = await select({
    message: 'What kind of problem is it?',
    default: target === proposed.target ? proposed.problem : undefined,
    choices: [
      { name: 'classification (predict a class)', value: 'classification' as const },
      { name: 'regression (predict a number)', value: 'regression' as const },
    ],
  });
  return { target, problem };
}

const KIND_HELP: Record<InitColumnKind, string> = {
  int: 'whole numbers', float: 'numbers', bool: 'true/false', category: 'labels, one-hot encoded',
  text: 'free text, TF-IDF words', datetime: 'dates, calendar parts', id: 'identifier, never given to a model',
  ignore: 'left out',
};

/** `--role col=kind` flags → overrides (usage error for a malformed one or an unknown kind). */
function kindsFrom(flags: readonly string[]): Record<string, InitColumnKind> {
  const kinds: Record<string, InitColumnKind> = {};
  for (const flag of flags) {
    const m = /^([^=]+)=(.+)$/.exec(flag);
    const kind = m?.[2]?.trim() as InitColumnKind | undefined;
    if (!m || !kind || !KINDS.includes(kind)) {
      throw new UsageError(`--role "${flag}": write it as column=kind, kind one of ${KINDS.join(', ')}`);
    }
    kinds[(m[1] as string).trim()] = kind;
  }
  return kinds;
}

/** On a terminal: offer to adjust the inferred column roles, then ask one column at a time. */
async function askKinds(sample: DataSample, target: string, inferred: ReadonlyMap<string, InitColumnKind>): Promise<Record<string, InitColumnKind>> {
  const { confirm, select } = await import('@inquirer/prompts');
  // Columns the language can name (others are left to run-time inference, as initSpec does).
  const columns = sample.columns.filter((c) => c !== target && inferred.has(c) && /^[A-Za-z_][A-Za-z0-9_]*$/.test(c));
  const summary = columns.map((c) => `${c} ${inferred.get(c)}`).join(', ');
  if (!(await confirm({ message: `Columns: ${summary}. Adjust column roles?`, default: false }))) return {};
  const kinds: Record<string, InitColumnKind> = {};
  for (const c of columns) {
    const was = inferred.get(c) as InitColumnKind;
    const chosen = await select({
      message: `Column ${c}:`,
      default: was,
      choices: KINDS.map((k) => ({ name: `${k}${k === was ? ' (inferred)' : ''}: ${KIND_HELP[k]}`, value: k })),
    });
    if (chosen !== was) kinds[c] = chosen;
  }
  return kinds;
}

/** Run the verb: exit 0 written (and checks clean), 1 written with findings, 2 usage. */
export async function runInit(flags: InitFlags): Promise<number> {
  const out = flags.out;
  if (existsSync(out) && !flags.force) throw new UsageError(`"${out}" exists; pass --force to overwrite it`);
  const format = formatOf(flags.from);
  const sample = await readDataSample(flags.from, flags.from, format);
  if (sample.status === 'missing') throw new UsageError(`cannot read "${flags.from}": no such file`);
  if (sample.status === 'unreadable') throw new UsageError(`cannot read "${flags.from}" as ${format.toUpperCase()}: ${sample.error}`);
  const { initSpec } = await import('../../compiler/index.js');
  const dataPath = specRelative(out, flags.from);
  const kinds = kindsFrom(flags.role ?? []);
  let choices: InitChoices = { target: flags.target, problem: flags.problem, name: flags.name, kinds };
  const interactive = flags.input !== false && process.stdin.isTTY === true && process.stdout.isTTY === true;
  if (interactive && !flags.target) {
    const first = initSpec(sample, dataPath, choices);
    if ('error' in first) throw new UsageError(first.error);
    choices = { ...choices, ...(await ask(sample, first)) };
  }
  if (interactive && Object.keys(kinds).length === 0) {
    const proposed = initSpec(sample, dataPath, choices);
    if ('error' in proposed) throw new UsageError(proposed.error);
    const { inferredKind, profileSample } = await import('../../compiler/index.js');
    const inferred = new Map(profileSample(sample).map((p) => [p.name, inferredKind(p)]));
    choices = { ...choices, kinds: await askKinds(sample, proposed.target, inferred) };
  }
  const result = initSpec(sample, dataPath, choices);
  if ('error' in result) throw new UsageError(result.error);
  const { formatSpec } = await import('../../grammar/format.js');
  const text = formatSpec(result.text, out).text ?? result.text;
  writeSpec(out, text);
  const checked = await checkSource({ path: out, text });
  process.stdout.write(`wrote ${out}: ${result.problem}, target "${result.target}", ${sample.columns.length} columns` +
    `${result.roles.length ? ` (${result.roles.map((r) => `${r.column} ${r.role}`).join(', ')})` : ''}\n`);
  if (checked.diagnostics.length > 0) {
    process.stdout.write(formatDiagnostics(checked.diagnostics, { format: 'pretty', color: colorFor(process.stdout, undefined), files: 1, sources: checked.sources }));
  }
  process.stdout.write(`\nNext:\n  pipec check ${out}\n  pipec compile ${out} --out out/${text.match(/^project (\w+)/m)?.[1] ?? 'project'}\n`);
  return checked.diagnostics.some((d) => d.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}

/** Write atomically (temp file + rename): an interrupted init never leaves half a spec. */
function writeSpec(path: string, text: string): void {
  mkdirSync(dirname(resolve(path)), { recursive: true });
  const tmp = `${path}.pipec-init-${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (err) {
    if (existsSync(tmp)) unlinkSync(tmp);
    throw new UsageError(`cannot write "${path}": ${(err as Error).message}`);
  }
}
