/**
 * Decoding and validation of literal tokens: numbers (`10_000`, `005`), quantities (`50MB`, `1.5GB`,
 * `20%`) and strings with escapes. Pure functions; problems come back as data (offset within the token),
 * and the caller turns them into diagnostics with exact ranges.
 */
import type { QuantityUnit } from './syntax.js';
import type { DiagnosticCode } from '../diagnostics/types.js';

/** A problem found inside one literal token; `start`/`end` are offsets relative to the token start. */
export interface LiteralProblem {
  code: DiagnosticCode;
  message: string;
  hint: string;
  start: number;
  end: number;
}

/** Every unit a quantity may carry, in the order the docs list them. */
export const UNITS: readonly QuantityUnit[] = ['B', 'KB', 'MB', 'GB', 'TB', 'ms', 's', 'm', 'h', 'd', '%'];
const UNIT_SET = new Set<string>(UNITS);

/** Digits with `_` only between digits; optional fraction; optional unit glued on. */
const NUMBER_SHAPE = /^([0-9](?:_?[0-9])*)(?:\.([0-9](?:_?[0-9])*))?([A-Za-z]+|%)?$/;

/** A decoded NumberLiteral token: a plain number, a quantity with its unit, or why it is invalid. */
export type NumericDecode =
  | { kind: 'Number'; value: number; raw: string }
  | { kind: 'Quantity'; value: number; unit: QuantityUnit; raw: string }
  | { kind: 'Invalid'; problem: LiteralProblem };

/** Decode a NumberLiteral token (see tokens.ts): a plain number, a quantity, or a precise problem. */
export function decodeNumeric(raw: string): NumericDecode {
  const m = NUMBER_SHAPE.exec(raw);
  if (!m) return { kind: 'Invalid', problem: numberFormatProblem(raw) };
  const digits = m[1]!.replace(/_/g, '') + (m[2] === undefined ? '' : '.' + m[2].replace(/_/g, ''));
  const value = Number(digits);
  const unit = m[3];
  if (unit === undefined) return { kind: 'Number', value, raw };
  if (!UNIT_SET.has(unit)) {
    const start = raw.length - unit.length;
    const close = closestUnit(unit);
    return {
      kind: 'Invalid',
      problem: {
        code: 'PC0005',
        message: `unknown unit \`${unit}\` in \`${raw}\``,
        hint:
          (close ? `did you mean \`${raw.slice(0, start)}${close}\`? ` : '') +
          `units are sizes (B, KB, MB, GB, TB), durations (ms, s, m, h, d) and percent (%)`,
        start,
        end: raw.length,
      },
    };
  }
  return { kind: 'Quantity', value, unit: unit as QuantityUnit, raw };
}

function numberFormatProblem(raw: string): LiteralProblem {
  let why = 'a number is digits with an optional fraction, e.g. `42`, `3.5` or `10_000`';
  if (/__|_$|_\.|\._/.test(raw)) why = 'write `_` only between two digits, e.g. `10_000`';
  else if ((raw.match(/\./g) ?? []).length > 1) why = 'a number has at most one decimal point';
  else if (/\.$|\.[^0-9]/.test(raw)) why = 'write at least one digit after the decimal point, e.g. `1.0`';
  else if (/[A-Za-z]+[0-9_.]/.test(raw)) why = 'a unit goes at the very end, e.g. `1.5GB`';
  return { code: 'PC0004', message: `invalid number \`${raw}\``, hint: why, start: 0, end: raw.length };
}

/** A unit spelled with the wrong case (`mb` → `MB`) or as a word (`sec`, `min`, `days`); else none. */
function closestUnit(unit: string): string | undefined {
  const lower = unit.toLowerCase();
  const exact = UNITS.find((u) => u.toLowerCase() === lower);
  if (exact) return exact;
  if (['sec', 'secs', 'second', 'seconds'].includes(lower)) return 's';
  if (['min', 'mins', 'minute', 'minutes'].includes(lower)) return 'm';
  if (['hr', 'hrs', 'hour', 'hours'].includes(lower)) return 'h';
  if (['day', 'days'].includes(lower)) return 'd';
  if (['pct', 'percent'].includes(lower)) return '%';
  return undefined;
}

/** Result of decoding a string token: the value, and one problem per bad escape. */
export interface StringDecode {
  value: string;
  problems: LiteralProblem[];
}

const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', n: '\n', t: '\t', r: '\r' };

/**
 * Decode the text of a string token including its quotes (the closing quote may be missing when the token
 * is an unterminated string). Bad escapes are reported and kept literally, so the value stays usable.
 */
export function decodeString(token: string, terminated: boolean): StringDecode {
  const body = token.slice(1, terminated ? -1 : undefined);
  const problems: LiteralProblem[] = [];
  let value = '';
  let i = 0;
  while (i < body.length) {
    const ch = body[i]!;
    if (ch !== '\\') {
      value += ch;
      i++;
      continue;
    }
    const next = body[i + 1];
    if (next !== undefined && next in SIMPLE_ESCAPES) {
      value += SIMPLE_ESCAPES[next];
      i += 2;
      continue;
    }
    const u = next === 'u' ? decodeUnicode(body, i) : undefined;
    if (u && u.ok) {
      value += u.text;
      i = u.end;
      continue;
    }
    const end = u ? u.end : Math.min(i + 2, body.length);
    const shown = body.slice(i, end);
    problems.push({
      code: 'PC0003',
      message: u ? `invalid unicode escape \`${shown}\`` : `invalid escape \`${shown}\` in a string`,
      hint: u
        ? 'write `\\u{1F600}` (1 to 6 hex digits, at most 10FFFF) or `\\u00e9` (exactly 4 hex digits)'
        : 'the escapes are `\\"`, `\\\\`, `\\n`, `\\t`, `\\r`, `\\u{...}` and `\\uXXXX`; write `\\\\` for a backslash',
      start: i + 1,
      end: end + 1,
    });
    value += shown;
    i = end;
  }
  return { value, problems };
}

/** `\u{1F600}` or `\uXXXX` starting at `i` (the backslash); `end` is exclusive in `body`. */
function decodeUnicode(body: string, i: number): { ok: boolean; text: string; end: number } {
  if (body[i + 2] === '{') {
    const close = body.indexOf('}', i + 3);
    const hex = close < 0 ? '' : body.slice(i + 3, close);
    if (close < 0 || !/^[0-9A-Fa-f]{1,6}$/.test(hex) || parseInt(hex, 16) > 0x10ffff) {
      const end = close < 0 ? Math.min(i + 3, body.length) : close + 1;
      return { ok: false, text: '', end };
    }
    return { ok: true, text: String.fromCodePoint(parseInt(hex, 16)), end: close + 1 };
  }
  const hex = body.slice(i + 2, i + 6);
  if (!/^[0-9A-Fa-f]{4}$/.test(hex)) {
    let end = i + 2;
    while (end < i + 6 && end < body.length && /[0-9A-Fa-f]/.test(body[end]!)) end++;
    return { ok: false, text: '', end };
  }
  return { ok: true, text: String.fromCharCode(parseInt(hex, 16)), end: i + 6 };
}

/** Canonical spelling of a string value, quotes included: the formatter's and the docs' single rule. */
export function quoteString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (cp < 0x20 || cp === 0x7f || (cp >= 0xd800 && cp <= 0xdfff) || cp === 0x2028 || cp === 0x2029) {
      out += `\\u{${cp.toString(16)}}`;
    } else out += ch;
  }
  return out + '"';
}
