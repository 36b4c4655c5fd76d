/**
 * The completion context at the cursor, read from the text itself: while typing, the file is usually
 * broken, so the enclosing blocks come from a scan of braces (strings and comments skipped) and the
 * statement from the words before the cursor on its line, which never depend on the rest of the file.
 */

/** Where the cursor is, for completion. */
export interface CompletionContext {
  /** Keywords of the enclosing blocks, outermost first (`['project', 'epoch', 'gate']`). */
  blocks: string[];
  /** Words of the current statement before the cursor, the partial word excluded. */
  words: string[];
  /** The partial word being typed (letters, digits, `_`, `.`). */
  prefix: string;
  /** Offset where `prefix` starts. */
  prefixStart: number;
  /** Text of the statement before the cursor (from its keyword). */
  before: string;
}

const WORD = /[A-Za-z0-9_.]/;

/** Scan `text` up to `offset`. Linear in the text before the cursor. */
export function completionContext(text: string, offset: number): CompletionContext {
  const blocks: string[] = [];
  let stmtStart = 0;
  let firstWord: string | null = null;
  let i = 0;
  while (i < offset) {
    const c = text[i] as string;
    if (c === '"') {
      i++;
      while (i < offset && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      i++;
      continue;
    }
    if (c === '#') {
      while (i < offset && text[i] !== '\n') i++;
      continue;
    }
    if (c === '\n' || c === ';' || c === '{' || c === '}') {
      if (c === '{') blocks.push(firstWord ?? '');
      if (c === '}') blocks.pop();
      firstWord = null;
      stmtStart = i + 1;
      i++;
      continue;
    }
    if (firstWord === null && /[A-Za-z_]/.test(c)) {
      let j = i;
      while (j < text.length && WORD.test(text[j] as string)) j++;
      firstWord = text.slice(i, j);
      i = j;
      continue;
    }
    i++;
  }
  let prefixStart = offset;
  while (prefixStart > stmtStart && WORD.test(text[prefixStart - 1] as string)) prefixStart--;
  const before = text.slice(stmtStart, prefixStart).replace(/#.*$/, '');
  const words = before.match(/[A-Za-z0-9_.]+|[<>=!]=?|[(),:+\-*/^]/g) ?? [];
  return { blocks, words, prefix: text.slice(prefixStart, offset), prefixStart, before };
}
