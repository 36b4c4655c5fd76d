/**
 * `--set key=value`: override one IR value after lowering (`--set data.rows=20000` for a quick run).
 * The path must name an existing field (list items by `id`, then `name`, then index); the value is
 * JSON when it parses as JSON (numbers, booleans, null, quoted strings), else the raw string. The
 * result is re-validated by IrSchema, so an override can never produce an IR the emitters reject.
 */
import type { Diagnostic } from '../../diagnostics/types.js';
import { makeDiagnostic } from '../../diagnostics/make.js';
import { IrSchema, type Ir } from '../../ir/schema.js';

/** Display name of the command line in diagnostics. */
export const COMMAND_LINE = '<command line>';

/** Apply every override in order. Returns the new IR, or PC9506 diagnostics (nothing applied). */
export function applyOverrides(ir: Ir, sets: readonly string[]): { ir: Ir } | { diagnostics: Diagnostic[] } {
  if (sets.length === 0) return { ir };
  const copy = structuredClone(ir) as unknown;
  const diagnostics: Diagnostic[] = [];
  const fail = (set: string, message: string, hint: string): void => {
    diagnostics.push(makeDiagnostic({ code: 'PC9506', message: `--set ${set}: ${message}`, file: COMMAND_LINE, hint }));
  };
  for (const set of sets) {
    const eq = set.indexOf('=');
    if (eq <= 0) {
      fail(set, 'expected key=value', 'write it as --set data.rows=20000');
      continue;
    }
    const path = set.slice(0, eq).trim().split('.');
    const value = parseValue(set.slice(eq + 1));
    const found = locate(copy, path);
    if (typeof found === 'string') {
      fail(set, found, 'see `pipec inspect <spec> --format json` for the IR paths');
      continue;
    }
    found.parent[found.key] = value;
  }
  if (diagnostics.length > 0) return { diagnostics };
  const parsed = IrSchema.safeParse(copy);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    fail(sets.join(' '), `the IR is no longer valid at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}`, 'check the value type');
    return { diagnostics };
  }
  return { ir: parsed.data };
}

function parseValue(raw: string): unknown {
  const text = raw.trim();
  // `20_000` is how the spec language writes numbers; accept it on the command line too.
  if (/^-?\d[\d_]*(\.\d+)?$/.test(text)) return Number(text.replace(/_/g, ''));
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return raw;
  }
}

type Slot = { parent: Record<string | number, unknown>; key: string | number };

/** The container and key of an existing field, or why it does not exist. */
function locate(root: unknown, path: readonly string[]): Slot | string {
  let cur: unknown = root;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    let key: string | number | undefined;
    if (Array.isArray(cur)) {
      const idx = cur.findIndex((el) => el !== null && typeof el === 'object' && ((el as { id?: unknown }).id === seg || (el as { name?: unknown }).name === seg));
      key = idx >= 0 ? idx : /^\d+$/.test(seg) && Number(seg) < cur.length ? Number(seg) : undefined;
    } else if (cur !== null && typeof cur === 'object' && Object.prototype.hasOwnProperty.call(cur, seg)) {
      key = seg;
    }
    if (key === undefined) return `unknown IR path "${path.slice(0, i + 1).join('.')}"`;
    if (last) return { parent: cur as Record<string | number, unknown>, key };
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return 'empty path';
}
