/** `pipec explain <CODE>`: the registry entry of a diagnostic code, or the list of all codes. */
import { closest, distance } from 'fastest-levenshtein';
import { CODES, type CodeInfo } from '../../diagnostics/codes.js';
import { EXIT_OK, EXIT_USAGE } from '../exit.js';

const indent = (text: string, pad: string): string =>
  text
    .split('\n')
    .map((l) => (l ? pad + l : l))
    .join('\n');

/** The text `pipec explain` prints for one code (ends with a newline). */
export function renderExplanation(info: CodeInfo): string {
  return [
    `${info.code}: ${info.title} (${info.severity})`,
    '',
    info.explanation,
    '',
    'Example:',
    indent(info.example, '    '),
    '',
    'Fix:',
    indent(info.fix, '  '),
    '',
  ].join('\n');
}

/** One line per registered code: `PC2001  error    duplicate column`. */
export function renderCodeList(): string {
  return [...CODES.values()].map((i) => `${i.code}  ${i.severity.padEnd(7)}  ${i.title}\n`).join('');
}

/** Run the verb: print the entry, or a did-you-mean on stderr with exit 2 for an unknown code. */
export function runExplain(code: string | undefined): number {
  if (code === undefined) {
    process.stdout.write(renderCodeList());
    return EXIT_OK;
  }
  const wanted = code.trim().toUpperCase();
  const info = CODES.get(wanted);
  if (info) {
    process.stdout.write(renderExplanation(info));
    return EXIT_OK;
  }
  const known = [...CODES.keys()];
  let msg = `error: unknown diagnostic code "${code}"\n`;
  if (known.length > 0) {
    const near = closest(wanted, known);
    // Suggest only plausible typos (a digit or two off), not an arbitrary code.
    if (distance(wanted, near) <= 2) msg += `help: did you mean ${near}?\n`;
    else msg += 'help: run `pipec explain` to list every code\n';
  }
  process.stderr.write(msg);
  return EXIT_USAGE;
}
