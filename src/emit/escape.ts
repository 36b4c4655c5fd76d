/**
 * Escaping for every target language a generated file is written in. Each function turns ANY text
 * (quotes, backslashes, newlines, `"""`, `{{ }}`, `</script>`, unicode, lone surrogates) into a literal
 * that reads back as exactly that text. Templates reach these only through the Handlebars helpers.
 */

/** Code points that some readers treat as line breaks or that are invisible: always escaped. */
const ALWAYS_ESCAPE = new Set([0x7f, 0x85, 0x2028, 0x2029, 0xfeff]);

function hex4(code: number): string {
  return code.toString(16).padStart(4, '0');
}

/** Whether a UTF-16 code unit at `i` is a lone (unpaired) surrogate. */
function isLoneSurrogate(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const n = s.charCodeAt(i + 1);
    return !(n >= 0xdc00 && n <= 0xdfff);
  }
  if (c >= 0xdc00 && c <= 0xdfff) {
    const p = s.charCodeAt(i - 1);
    return !(p >= 0xd800 && p <= 0xdbff);
  }
  return false;
}

/**
 * A double-quoted Python string literal. Printable unicode stays readable; control characters,
 * line separators and lone surrogates become `\uXXXX`/`\xXX` escapes so the source always parses.
 */
export function pyStr(text: string): string {
  // Python accepts \xXX for code points up to 0xff; \uXXXX for lone surrogates and the rest.
  return doubleQuoted(text, (c, lone) => (c <= 0xff && !lone ? `\\x${c.toString(16).padStart(2, '0')}` : `\\u${hex4(c)}`));
}

/**
 * The double-quoted literal shared by Python and YAML (their escapes agree on `\\ \" \n \r \t`):
 * control characters, line separators and lone surrogates go through `escapeCode` so the text parses.
 */
function doubleQuoted(text: string, escapeCode: (code: number, loneSurrogate: boolean) => string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const c = text.charCodeAt(i);
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || ALWAYS_ESCAPE.has(c)) out += escapeCode(c, false);
    else if (isLoneSurrogate(text, i)) out += escapeCode(c, true);
    else out += ch;
  }
  return out + '"';
}

/** A JSON-like value (null, bool, number, string, array, plain object) as a Python literal. */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'float("nan")';
    if (!Number.isFinite(value)) return value > 0 ? 'float("inf")' : '-float("inf")';
    return String(value);
  }
  if (typeof value === 'string') return pyStr(value);
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.map(([k, v]) => `${pyStr(k)}: ${pyRepr(v)}`).join(', ')}}`;
  }
  throw new Error(`pyRepr: unsupported value of type ${typeof value}`);
}

/**
 * `pyRepr`, laid out over several lines (4-space indent) when a value holds nested lists or dicts,
 * so generated config stays reviewable; flat lists and dicts stay on one line.
 */
export function pyReprPretty(value: unknown, indent = 0): string {
  const nested = (v: unknown) => v !== null && typeof v === 'object';
  const pad = ' '.repeat(indent + 4);
  if (Array.isArray(value)) {
    if (value.length === 0 || !value.some(nested)) return pyRepr(value);
    return `[\n${value.map((v) => `${pad}${pyReprPretty(v, indent + 4)},`).join('\n')}\n${' '.repeat(indent)}]`;
  }
  if (nested(value)) {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (entries.length === 0 || !entries.some(([, v]) => nested(v))) return pyRepr(value);
    return `{\n${entries.map(([k, v]) => `${pad}${pyStr(k)}: ${pyReprPretty(v, indent + 4)},`).join('\n')}\n${' '.repeat(indent)}}`;
  }
  return pyRepr(value);
}

/**
 * JSON text that is also safe inside HTML `<script>` and JavaScript source: `</` and the two JS line
 * separators are escaped (still valid JSON, same value).
 */
export function jsonText(value: unknown, indent?: number): string {
  const text = JSON.stringify(value, null, indent);
  if (text === undefined) throw new Error('jsonText: value is not JSON-serialisable');
  return text.replace(/<\//g, '<\\/').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A YAML double-quoted scalar (YAML 1.2 double-quoted escapes are a superset of JSON's). */
export function yamlStr(text: string): string {
  return doubleQuoted(text, (c) => `\\u${hex4(c)}`);
}

/**
 * Markdown inline text that reads naturally as raw text and renders as exactly `text` (CommonMark, GFM
 * tables/strikethrough/task boxes, and `$` math as GitHub and Jupyter render it). Only what would be
 * interpreted is escaped: backslashes before punctuation, backticks, `|`, `$`, `*`/`~` next to text,
 * `_` at a word edge, a `]` that would close a link or reference (`](`, `][`, `]:`), a `[` that would
 * make a task box, HTML-looking `<`, entities, a closing `#` run (heading text), and the block markers
 * a value may begin a line with (`#`, `>`, `-`, `+`, `=`, `1.`). So `0.25`, `2026-11-30`, `a_b` and
 * `[v2]` stay as written. Line breaks become `<br>` so a value stays inside its table cell, list item
 * or heading. The generated package's `markdown_text.inline` follows the same rules.
 */
export function mdText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\\(?=[!-/:-@[-`{-~]|\n|$)/g, '\\\\')
    .replace(/[`|$]/g, '\\$&')
    .replace(/\](?=[([:])/g, '\\]')
    .replace(/\[(?=[ xX]\])/g, '\\[')
    .replace(/(?<!\s)[*~]|[*~](?!\s|$)/g, '\\$&')
    .replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, '\\_')
    .replace(/<(?=[A-Za-z/!?])/g, '\\<')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/(?<!\S)#+(?=[ \t]*(\n|$))/g, (m) => `\\${m}`)
    .replace(/^(\s*)(#{1,6}(?=\s|$)|>|[-+](?=\s|$)|[-=](?=[-=\s]*$))/, '$1\\$2')
    .replace(/^(\s*\d{1,9})(?=[.)](?:\s|$))/, '$1\\')
    .replace(/\n/g, '<br>');
}

/**
 * A Markdown code span showing `text` verbatim: the fence is one backtick longer than the longest
 * backtick run inside, padded with spaces when the text starts or ends with a backtick.
 */
export function mdCode(text: string): string {
  const flat = text.replace(/\r\n?|\n/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A CSS double-quoted string: `"`, `\`, `<` and control characters become hex escapes. */
export function cssStr(text: string): string {
  let out = '"';
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (ch === '"' || ch === '\\' || ch === '<' || ch === '>' || c < 0x20 || c === 0x7f || ALWAYS_ESCAPE.has(c)) {
      // The trailing space terminates the hex escape; CSS consumes it.
      out += `\\${c.toString(16)} `;
    } else out += ch;
  }
  return out + '"';
}

/** Identifiers that the compiler already validated; anything else is an internal bug, so it throws. */
export function identText(text: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(text)) throw new Error(`ident: ${JSON.stringify(text)} is not an identifier`);
  return text;
}

/**
 * Text inside a Python triple-double-quoted docstring, on one line: backslashes and quotes escaped
 * (so `"""` cannot close it and `\N` cannot start an escape), line breaks folded to spaces.
 */
export function pyDoc(text: string): string {
  return pyComment(text).replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

/** A Markdown code span inside a GFM table cell: as `mdCode`, with `|` escaped (GFM splits cells first). */
export function mdCodeCell(text: string): string {
  return mdCode(text).replace(/\|/g, '\\|');
}

/**
 * A Python `#` comment body on one line: line breaks fold to spaces; characters Python source cannot
 * hold (NUL, other controls, line separators, BOM, lone surrogates) become U+FFFD.
 */
export function pyComment(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029\u0085]+/g, ' ')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}
