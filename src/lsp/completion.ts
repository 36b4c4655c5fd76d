/**
 * Completion by context: statement keywords of the enclosing block; fact names with their units inside
 * `require`; columns and functions inside formulas; model ids, metric names for the problem kind, tiers,
 * epoch numbers after `after` / `review after`, and the fixed words of a statement (`scale minmax`).
 */
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver';
import type { Analysis } from './analysis.js';
import { completionContext } from './context.js';
import {
  columns, derives, epochs, epochTitle, facts, FUNCTIONS, metricsOf, modelIds, problemOf, tiers,
} from './knowledge.js';
import { blockKeywords, KEYWORD_DOCS, type BlockKind } from './vocabulary.js';

/** Fixed argument words of statements, by keyword (and position where it matters). */
const WORDS: Readonly<Record<string, readonly string[]>> = {
  problem: ['classification', 'regression'],
  scale: ['standard', 'minmax', 'robust', 'none'],
  format: ['csv', 'parquet'],
  probability: ['low', 'medium', 'high'],
  impact: ['low', 'medium', 'high'],
  use: ['lifecycle.domino_standard'],
  app: ['streamlit'],
  promote: ['production'],
};
const COLUMN_TYPES = ['int', 'float', 'category', 'bool'];
const DISTRIBUTIONS = ['uniform', 'normal', 'lognormal', 'beta'];
const TARGET_KINDS = ['binary', 'category', 'float'];

/** Snippets for statements that open a block, offered to clients that support snippets. */
const BLOCK_SNIPPETS: Readonly<Record<string, string>> = {
  project: 'project ${1:name} {\n\tproblem ${2|classification,regression|}\n\ttarget ${3:y}\n\tuse lifecycle.domino_standard\n\t$0\n}',
  data: 'data ${1|synthetic,file "data.csv"|} {\n\t$0\n}',
  epoch: 'epoch ${1:009} ${2:name} {\n\tafter ${3:007}\n\t$0\n}',
  gate: 'gate {\n\trequire ${1:fact} ${2|>=,>,<=,<,==,!=|} ${3:value}\n}',
  risk: 'risk "${1:title}" {\n\tprobability ${2|low,medium,high|}\n\timpact ${3|low,medium,high|}\n\tmitigation "${4:how}"\n}',
  features: 'features {\n\t$0\n}', models: 'models {\n\t$0\n}', domino: 'domino {\n\t$0\n}',
  limits: 'limits {\n\t$0\n}', deploy: 'deploy {\n\t$0\n}', lifecycle: 'lifecycle ${1:name} {\n\t$0\n}',
};

const item = (label: string, kind: CompletionItemKind, detail?: string, documentation?: string): CompletionItem => ({
  label, kind, ...(detail ? { detail } : {}), ...(documentation ? { documentation: { kind: 'markdown', value: documentation } } : {}),
});

/**
 * Completion items at `offset` of `text`; `a` is the latest analysis (possibly of an older version).
 * `snippets`: the client accepts snippet syntax, so statements that open a block insert their skeleton.
 */
export function complete(a: Analysis, text: string, offset: number, snippets = false): CompletionItem[] {
  const ctx = completionContext(text, offset);
  const [kw, ...args] = ctx.words;
  const block = (ctx.blocks[ctx.blocks.length - 1] ?? 'file') as BlockKind;
  if (kw === undefined) {
    const list = blockKeywords().get(ctx.blocks.length === 0 ? 'file' : block) ?? [];
    return list.map((k) => {
      const snippet = snippets ? BLOCK_SNIPPETS[k] : undefined;
      const base = item(k, snippet ? CompletionItemKind.Snippet : CompletionItemKind.Keyword, KEYWORD_DOCS[k]);
      return snippet ? { ...base, insertText: snippet, insertTextFormat: InsertTextFormat.Snippet } : base;
    });
  }
  const problem = problemOf(a);
  const last = args[args.length - 1];
  const formula = (): CompletionItem[] => [
    ...columns(a).filter((c) => c.type.value !== 'category').map((c) => item(c.name.value, CompletionItemKind.Field, `column: ${c.type.value}`)),
    ...derives(a).map((d) => item(d.name.value, CompletionItemKind.Variable, 'derived feature')),
    ...Object.entries(FUNCTIONS).map(([f, [lo, hi]]) => ({ ...item(f, CompletionItemKind.Function, `function, ${lo === hi ? lo : `${lo}-${hi}`} argument(s)`), insertText: f })),
  ];
  const epochItems = (): CompletionItem[] => epochs(a).map((e) => item(e.id, CompletionItemKind.Module, epochTitle(e)));
  switch (kw) {
    case 'require':
      if (args.length === 0) {
        return [...facts(a)].map(([name, f]) => item(name, CompletionItemKind.Property, `${f.fact.unit.value}${f.epoch ? ` · epoch ${f.epoch.id}` : ''}`,
          `${f.fact.description || name}${f.epoch ? `\n\nproduced by epoch ${f.epoch.id} (${epochTitle(f.epoch)})` : ''}`));
      }
      return args.length === 1 ? ['>=', '>', '<=', '<', '==', '!='].map((op) => item(op, CompletionItemKind.Operator)) : [];
    case 'derive':
      return args.includes('=') ? formula() : [];
    case 'target':
      if (block !== 'data') return columns(a).map((c) => item(c.name.value, CompletionItemKind.Field)).concat(a.project?.data?.target ? [item(a.project.data.target.name.value, CompletionItemKind.Field, 'target')] : []);
      if (args.length === 1) return TARGET_KINDS.map((k) => item(k, CompletionItemKind.EnumMember));
      return args.length === 2 ? [item('logistic', CompletionItemKind.Function), item('linear', CompletionItemKind.Function)] : formula();
    case 'column':
      if (args.length === 1) return COLUMN_TYPES.map((t) => item(t, CompletionItemKind.TypeParameter));
      if (args.length === 2) return DISTRIBUTIONS.map((d) => item(d, CompletionItemKind.Function));
      return args.includes(')') ? ['missing', 'clip'].map((w) => item(w, CompletionItemKind.Keyword)) : [];
    case 'encode':
      if (args.length === 0) return columns(a).filter((c) => c.type.value === 'category').map((c) => item(c.name.value, CompletionItemKind.Field, 'category column'));
      return args.length === 1 ? ['onehot', 'ordinal'].map((m) => item(m, CompletionItemKind.EnumMember)) : [];
    case 'baseline':
      if (last === undefined || last === ',') return modelIds(problem).map((m) => item(m, CompletionItemKind.Class, 'model'));
      return args.includes('within') ? [item('each', CompletionItemKind.Keyword)] : [item('within', CompletionItemKind.Keyword, 'a time cap per baseline')];
    case 'tune':
      if (args.length === 0) return [item('best', CompletionItemKind.Keyword, 'the best baseline'), ...(a.project?.models?.baselines ?? []).map((b) => item(b.value, CompletionItemKind.Class))];
      return ['budget', 'trials', 'cv', 'folds', 'strategy', 'within'].map((w) => item(w, CompletionItemKind.Keyword));
    case 'metric':
      if (block === 'project' && args.length === 0) {
        const m = metricsOf(problem);
        return m.all.map((x) => item(x, CompletionItemKind.Value, `${problem} metric${x === m.dflt ? ' (default)' : ''}`));
      }
      return [];
    case 'tier':
      return block === 'epoch' && args.length === 0 ? [...tiers(a)].map(([name, t]) => item(name, CompletionItemKind.EnumMember, `Domino tier "${t.hardware.value}"`)) : [];
    case 'after':
      return epochItems();
    case 'review':
      if (args.length === 0) return [item('after', CompletionItemKind.Keyword)];
      return args.length === 1 && args[0] === 'after' ? epochItems() : [];
    default: {
      const words = WORDS[kw];
      return words && args.length === 0 ? words.map((w) => item(w, CompletionItemKind.EnumMember)) : [];
    }
  }
}
