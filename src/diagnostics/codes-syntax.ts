/** Diagnostic codes PC0xxx, owned by src/grammar. See codes.ts for the conventions. */
import type { CodeInfo } from './code-info.js';

const syntax = <C extends string>(code: C, title: string, explanation: string, example: string, fix: string): CodeInfo<C> => ({
  code,
  severity: 'error',
  title,
  explanation,
  example,
  fix,
});

export const SYNTAX_CODES = [
  syntax(
    'PC0001',
    'unknown character',
    'The file contains a character that is not part of the language outside strings and comments. Names use ASCII letters, digits and `_`; operators are `= + - * / ^ < <= > >= == !=`.',
    'column age@ int',
    'Remove the character, put the text in a string "...", or start a comment with `#`.',
  ),
  syntax(
    'PC0002',
    'unterminated string',
    'A string starts with `"` but has no closing `"` on the same line. Strings cannot span lines.',
    'title "Credit default risk',
    'Add the closing `"`; write `\\n` for a line break and `\\"` for a quote inside the string.',
  ),
  syntax(
    'PC0003',
    'invalid escape',
    'A backslash in a string starts an escape. The escapes are `\\"`, `\\\\`, `\\n`, `\\t`, `\\r`, `\\u{1F600}` (1-6 hex digits) and `\\u00e9` (exactly 4 hex digits).',
    'title "C:\\data"',
    'Write `\\\\` for a literal backslash, or use one of the listed escapes.',
  ),
  syntax(
    'PC0004',
    'invalid number',
    'A number is digits with an optional fraction, with `_` allowed only between digits (`10_000`), optionally followed by a unit (`50MB`).',
    'chunk_rows 10__000',
    'Write the number as `42`, `3.5` or `10_000`.',
  ),
  syntax(
    'PC0005',
    'unknown unit',
    'A number is directly followed by letters that are not a unit. Units are sizes `B KB MB GB TB`, durations `ms s m h d` and percent `%`; they are case-sensitive.',
    'max_file_size 50XB',
    'Use one of the units, e.g. `50MB`, or put a space between the number and a following name.',
  ),
  syntax(
    'PC0006',
    'expected a value',
    'An operator, `,`, `:` or `(` must be followed by a value: a number, quantity, string, name, call, list, map or parenthesised expression.',
    'derive ratio = ',
    'Write the missing value, or remove the operator.',
  ),
  syntax(
    'PC0007',
    'unexpected token',
    'The parser found something it did not expect at this point of a statement, for example a `:` between arguments or a missing `,` in a list.',
    'models { baseline a : b }',
    'Remove the token or add what is missing; the message says what was expected.',
  ),
  syntax(
    'PC0008',
    'statement must start with a name',
    'Every statement starts with a keyword name (`column`, `epoch`, `require`...). A line starting with a number, string or operator is not a statement.',
    '005 epoch { }',
    'Start the line with a keyword, or turn it into a comment with `#`.',
  ),
  syntax(
    'PC0009',
    'two statements on one line',
    'A statement ends at the end of its line or at `;`. After a block `}` another statement began on the same line.',
    'limits { } data file "x.csv"',
    'Put each statement on its own line, or separate them with `;`.',
  ),
  syntax(
    'PC0010',
    'unclosed block',
    'A block `{` has no matching `}`. pipec guesses where it should end from the indentation (the first line indented no deeper than the line that opened it) or else the end of the file.',
    'limits {\n  max_memory 12GB\n\ndata synthetic {\n  rows 10\n}',
    'Add the `}` where the block ends.',
  ),
  syntax(
    'PC0011',
    'unclosed bracket',
    'A `(`, `[` or map `{` is not closed before the line ends. Lists, calls and maps may span lines only while the line obviously continues (ends with `,`, an operator or an opening bracket).',
    'column age int uniform(18, 80',
    'Add the missing `)`, `]` or `}`.',
  ),
  syntax(
    'PC0012',
    'unmatched closing bracket',
    'A `)`, `]` or `}` closes nothing: there is no open bracket of that kind before it.',
    'column age int uniform(18, 80))',
    'Remove the extra closing bracket, or add the missing opening one.',
  ),
  syntax(
    'PC0013',
    'mismatched bracket',
    'A bracket is closed by a different kind of bracket, e.g. `(` closed by `]`.',
    'column age int uniform(18, 80]',
    'Close the bracket with its own kind: `(` with `)`, `[` with `]`, `{` with `}`.',
  ),
  syntax(
    'PC0014',
    'block on its own line',
    "A block's `{` must be on the same line as its statement; a `{` at the start of a line belongs to no statement.",
    'limits\n{\n  max_memory 12GB\n}',
    'Move the `{` to the end of the statement line: `limits {`.',
  ),
  syntax(
    'PC0015',
    'too many syntax errors',
    'After 100 syntax errors pipec stops listing them: the file is probably not a `.pipeline` text file, or one early mistake confuses the rest.',
    '(a binary file)',
    'Fix the first errors and run again; check that the right file was given.',
  ),
];
