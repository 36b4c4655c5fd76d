/**
 * `pipec init --from data.csv`: a canonical `project.pipeline` from a data file's profile (issue 12).
 * Pure: the CLI samples the file and formats/writes the result. Every column is declared with the
 * type its sample shows, identifiers as `id`, dates as `datetime`, and the spec checks clean against
 * the same file (the test suite holds that for the examples' data).
 */
import { DEFAULT_METRIC } from '../catalogue/index.js';
import { CARDINALITY_LIMIT, looksLikeIdentifier, looksLikeText, profileSample, type ColumnProfile, type DataSample } from './data-sample.js';

/** What a column becomes in the spec: a feature type, or a role (`id`, `ignore`, `datetime`, `text`). */
export type InitColumnKind = 'int' | 'float' | 'bool' | 'category' | 'text' | 'datetime' | 'id' | 'ignore';
/** Every kind, in the order prompts list them. */
export const INIT_COLUMN_KINDS: readonly InitColumnKind[] = ['int', 'float', 'bool', 'category', 'text', 'datetime', 'id', 'ignore'];
const ROLE_KINDS = new Set<string>(['text', 'datetime', 'id', 'ignore']);

/** What the user told `pipec init` (flags or prompts). */
export interface InitChoices {
  /** Project name (snake_case); derived from the file name when absent. */
  name?: string;
  /** The target column; proposed from the profile when absent. */
  target?: string;
  problem?: 'classification' | 'regression';
  /** Per column, what it becomes instead of what the sample suggests (`--role col=kind`, prompts). */
  kinds?: Readonly<Record<string, InitColumnKind>>;
}

/** The spec text, and what was inferred (for the CLI's report). */
export interface InitResult {
  text: string;
  target: string;
  problem: 'classification' | 'regression';
  roles: { column: string; role: string }[];
}

const TARGET_NAMES = /^(target|label|labels|class|y|outcome|species|price|saleprice|sale_price|churn|churned|default|survived)$/i;

/** A snake_case project name from a file name: `House Prices.csv` → `house_prices`. */
export function projectNameFrom(path: string): string {
  const base = (path.split('/').pop() ?? 'project').replace(/\.[^.]*$/, '');
  const name = base.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return /^[a-z]/.test(name) ? name : `project_${name || 'data'}`;
}

/** The target: the one named, else a column with a target-like name, else the last column. */
export function proposeTarget(profiles: readonly ColumnProfile[], named?: string): string | null {
  if (named) return profiles.some((p) => p.name === named) ? named : null;
  const usable = profiles.filter((p) => !looksLikeIdentifier(p) && !looksLikeText(p) && p.type !== 'empty' && p.type !== 'datetime');
  return (usable.find((p) => TARGET_NAMES.test(p.name)) ?? usable[usable.length - 1])?.name ?? null;
}

/** Classification for text, bool or few whole-number values; regression for other numbers. */
export function proposeProblem(p: ColumnProfile): 'classification' | 'regression' {
  if (p.type === 'float') return 'regression';
  if (p.type === 'int') return p.distinct <= 20 ? 'classification' : 'regression';
  return 'classification';
}

const q = (s: string) => JSON.stringify(s);
const safe = (name: string) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);

/** What the sample suggests a column becomes: a role (identifier, free text, empty, dates) or its type. */
export function inferredKind(p: ColumnProfile): InitColumnKind {
  if (looksLikeIdentifier(p)) return 'id';
  if (looksLikeText(p)) return 'text';
  if (p.type === 'empty') return 'ignore';
  return p.type;
}

/** The column statement for a profile (or null for a column the language cannot name: left to run-time inference). */
function columnLine(p: ColumnProfile, chosen?: InitColumnKind): { line: string; role: string | null; type: InitColumnKind } | null {
  if (!safe(p.name)) return null;
  const type = chosen ?? inferredKind(p);
  const role = ROLE_KINDS.has(type) ? type : null;
  const missing = Math.round(p.missingShare * 100);
  const note = type === 'category' && p.distinct > CARDINALITY_LIMIT ? `  # ${p.distinct}+ levels: bounded encoding` : '';
  return { line: `    column ${p.name} ${type}${missing > 0 && !role ? ` missing ${missing}%` : ''}${note}`, role, type };
}

/**
 * The spec for a sampled file, or an error message (no usable target). `dataPath` is the path as the
 * spec will write it (relative to the spec's folder).
 */
export function initSpec(sample: DataSample, dataPath: string, choices: InitChoices = {}): InitResult | { error: string } {
  const profiles = profileSample(sample);
  const target = proposeTarget(profiles, choices.target);
  for (const column of Object.keys(choices.kinds ?? {})) {
    if (!profiles.some((p) => p.name === column)) return { error: `--role names column "${column}", which is not in the file (columns: ${sample.columns.join(', ')})` };
    if (column === target) return { error: `--role cannot change the target column "${column}"` };
  }
  if (!target) {
    return { error: choices.target ? `column "${choices.target}" is not in the file (columns: ${sample.columns.join(', ')})` : 'the file has no column that can be a target' };
  }
  if (!safe(target)) return { error: `target column "${target}" is not a valid name in a spec (letters, digits and _)` };
  const tp = profiles.find((p) => p.name === target) as ColumnProfile;
  const problem = choices.problem ?? proposeProblem(tp);
  const kind = problem === 'regression' ? 'float' : tp.distinct === 2 ? 'binary' : 'category';
  const name = choices.name ?? projectNameFrom(dataPath);
  // The catalogue's default metric, except multiclass targets, where accuracy reads better than weighted F1.
  const metric = problem === 'regression' || kind === 'binary' ? DEFAULT_METRIC[problem] : 'accuracy';
  const roles: InitResult['roles'] = [];
  const lines: string[] = [];
  const encodes: string[] = [];
  for (const p of profiles) {
    if (p.name === target) continue;
    const c = columnLine(p, choices.kinds?.[p.name]);
    if (!c) continue;
    lines.push(c.line);
    if (c.type === 'category') encodes.push(`    encode ${p.name} onehot`);
    if (c.role) roles.push({ column: p.name, role: c.role });
  }
  const title = name.split('_').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
  const stratify = problem === 'classification' ? ' stratify' : '';
  const text = [
    `# Written by \`pipec init --from ${dataPath}\`: columns and types inferred from the file's first rows.`,
    `project ${name} {`,
    `  title     ${q(title)}`,
    `  problem   ${problem}`,
    `  target    ${target}`,
    `  metric    ${metric}`,
    '',
    '  use lifecycle.domino_standard',
    '',
    `  data file ${q(dataPath)} {`,
    ...lines,
    `    target ${target} ${kind}`,
    '  }',
    '',
    '  features {',
    ...encodes,
    `    split test 20%${stratify} seed 42`,
    '  }',
    '}',
    '',
  ].join('\n');
  return { text, target, problem, roles };
}
