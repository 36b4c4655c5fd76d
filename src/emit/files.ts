/** Construction and normalisation of OutputFile values (line endings, final newline, path rules). */
import type { OutputFile } from './types.js';

/** Whether `path` is a safe relative POSIX path (no absolute, no `..`, no backslash, no empty part). */
export function isSafeOutputPath(path: string): boolean {
  if (path === '' || path.startsWith('/') || path.includes('\\') || /^[A-Za-z]:/.test(path)) return false;
  return path.split('/').every((p) => p !== '' && p !== '.' && p !== '..');
}

/** Normalises text: `\n` line endings and exactly one final newline (empty stays empty). */
export function normaliseText(text: string): string {
  const t = text.replace(/\r\n?/g, '\n');
  if (t === '') return t;
  return `${t.replace(/\n+$/, '')}\n`;
}

/** One output file with normalised contents and sorted, unique sources. */
export function makeFile(path: string, contents: string, sources: readonly string[], executable = false): OutputFile {
  if (!isSafeOutputPath(path)) throw new Error(`unsafe output path: ${path}`);
  const file: OutputFile = { path, contents: normaliseText(contents), sources: [...new Set(sources)].sort() };
  if (executable) file.executable = true;
  return file;
}
