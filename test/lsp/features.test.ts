/**
 * The server's features in process, on the example and small specs: completion by context, hover on
 * each kind of name, definitions into the stdlib, outline, rename limits, and the keyword table the
 * compiler itself provides.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver';
import { analyze } from '../../src/lsp/analysis.js';
import { docsAnchor, toLspDiagnostics } from '../../src/lsp/diagnostics.js';
import { complete } from '../../src/lsp/completion.js';
import { definition } from '../../src/lsp/definition.js';
import { hover } from '../../src/lsp/hover.js';
import type { ServerEnv } from '../../src/lsp/knowledge.js';
import { prepareRename, rename } from '../../src/lsp/rename.js';
import { blockKeywords } from '../../src/lsp/vocabulary.js';
import { diskLoader, REPO_ROOT } from '../compiler/helpers/disk-loader.js';

const loader = diskLoader();
const env: ServerEnv = {
  loadLibrary: loader,
  uriOf: (f) => (f.startsWith('<stdlib>/') ? `file:///stdlib/${f.slice('<stdlib>/'.length)}` : null),
  textOf: (f) => loader(f.replace('<stdlib>/', '').replace('.pipeline', '').replace('/', '.'))?.text ?? null,
  docsUri: null,
};
const EXAMPLE = readFileSync(join(REPO_ROOT, 'examples/credit-risk/project.pipeline'), 'utf8');
const PATH = 'examples/credit-risk/project.pipeline';
const a = analyze({ path: PATH, text: EXAMPLE }, loader);
const at = (needle: string, delta = 0) => {
  const i = EXAMPLE.indexOf(needle);
  if (i < 0) throw new Error(`${needle} not found`);
  return i + delta;
};
const hoverText = (offset: number) => {
  const h = hover(a, env, offset);
  return h ? (h.contents as { value: string }).value : '';
};
/** Completion labels with `insert` typed at `needle` (inserted before it). */
const completeAt = (needle: string, insert: string) => {
  const i = at(needle);
  const text = EXAMPLE.slice(0, i) + insert + EXAMPLE.slice(i);
  return complete(a, text, i + insert.length).map((x) => x.label);
};

describe('completion by context', () => {
  it('offers models of the problem kind after `baseline`', () => {
    const labels = completeAt('    tune ', '    baseline ');
    expect(labels).toContain('sklearn.logistic_regression');
    expect(labels).not.toContain('sklearn.linear_regression');
  });
  it('offers epoch numbers after `after` and `review after`, and metrics of the problem kind after `metric`', () => {
    expect(completeAt('  review after 006', '  review after ')).toEqual(['001', '002', '003', '004', '005', '006', '007', '008']);
    expect(completeAt('    gate {\n      require metric.f1', '    after ')).toContain('004');
    expect(completeAt('  use lifecycle', '  metric ')).toEqual(['accuracy', 'precision', 'recall', 'f1_score', 'roc_auc', 'log_loss']);
  });
  it('offers tiers inside an epoch, encodings and category columns, scalings', () => {
    expect(completeAt('    gate {\n      require metric.f1', '    tier ')).toEqual(['small', 'medium', 'large']);
    expect(completeAt('    scale  standard', '    encode ')).toEqual(['employment']);
    expect(completeAt('    scale  standard', '    encode employment ')).toEqual(['onehot', 'ordinal']);
    expect(completeAt('    split  test', '    scale ')).toEqual(['standard', 'minmax', 'robust', 'none']);
  });
  it('offers the keywords of each block, asked of the compiler', () => {
    const k = blockKeywords();
    expect(k.get('gate')).toEqual(['require']);
    expect(k.get('features')).toEqual(['derive', 'encode', 'scale', 'split']);
    expect(k.get('project')).toEqual(expect.arrayContaining(['data', 'deploy', 'epoch', 'use']));
    expect(k.get('epoch')).toEqual(expect.arrayContaining(['after', 'compute', 'gate', 'produces', 'tier']));
    expect(k.get('project')).toEqual(expect.arrayContaining(['compute']));
    expect(k.get('compute')).toEqual(['worker_memory', 'worker_tier', 'workers']);
    expect(completeAt('      require metric.f1', '      ')).toEqual(['require']);
  });
  it('inserts the skeleton of a block statement for clients that take snippets', () => {
    const i = at('  deploy {');
    const items = complete(a, EXAMPLE.slice(0, i) + '  ' + EXAMPLE.slice(i), i + 2, true);
    const epoch = items.find((x) => x.label === 'epoch');
    expect(epoch?.insertText).toBe('epoch ${1:009} ${2:name} {\n\tafter ${3:007}\n\t$0\n}');
    expect(epoch?.insertTextFormat).toBe(2);
    expect(items.find((x) => x.label === 'title')?.insertText).toBeUndefined();
    expect(complete(a, EXAMPLE.slice(0, i) + '  ' + EXAMPLE.slice(i), i + 2).find((x) => x.label === 'epoch')?.insertText).toBeUndefined();
  });
});

describe('hover', () => {
  it('explains models, metrics, quantities, keywords, columns, derives and tiers', () => {
    expect(hoverText(at('xgboost', 2))).toBe('model `xgboost` — xgboost; classification and regression');
    expect(hoverText(at('metric    f1_score', 12))).toContain('**metric** `f1_score` — a standard classification metric, recorded as fact `metric.f1_score` (the default)');
    expect(hoverText(at('50MB', 1))).toBe('`50MB` — 50 mebibytes (1024 KB)');
    expect(hoverText(at('  features {', 3))).toContain('**features** — Derived features, encodings');
    expect(hoverText(at('total_balance / credit_limit', 2))).toContain('**column** `total_balance`: float — `column total_balance float    uniform(0, 40_000)`');
    expect(hoverText(at('derive log_income', 9))).toContain('**derived feature** `log_income` = `log(income)`');
    expect(hoverText(at('tier medium', 6))).toContain('**tier** `medium` → Domino hardware tier "Medium"');
  });
});

describe('definition', () => {
  it('goes from an epoch override and a review to the epoch in the stdlib', () => {
    const d = definition(a, env, 'file:///spec', at('epoch 005', 7));
    expect(d?.uri).toBe('file:///stdlib/lifecycle/domino_standard.pipeline');
    const lib = loader('lifecycle.domino_standard')!.text.split('\n');
    expect(lib[d!.range.start.line]?.slice(d!.range.start.character)).toMatch(/^005 model_development/);
    expect(definition(a, env, 'file:///spec', at('review after 003', 14))?.range.start.line).toBe(lib.findIndex((l) => l.includes('epoch 003')));
  });
  it('goes from a derive use to nothing it does not declare', () => {
    expect(definition(a, env, 'file:///spec', at('scale  standard', 8))).toBeNull();
  });
});

describe('rename', () => {
  it('renames a derived feature and refuses words that are not declared names', () => {
    expect(prepareRename(a, at('scale  standard', 8))).toBeNull();
    expect(prepareRename(a, at('log_income', 2))?.placeholder).toBe('log_income');
    expect(rename(a, 'file:///spec', at('log_income', 2), 'Bad Name')).toBeNull();
    const edit = rename(a, 'file:///spec', at('employment    category', 2), 'job');
    expect(edit?.changes?.['file:///spec']?.map((e) => e.range.start.line + 1)).toEqual([34, 41]);
  });
});

describe('analysis of a broken file', () => {
  it('keeps hover and completion working while a statement is half written', () => {
    const broken = EXAMPLE.replace('    seed 42\n', '    seed (\n');
    const b = analyze({ path: PATH, text: broken }, loader);
    expect(b.diagnostics.every((d) => d.code.startsWith('PC0'))).toBe(true);
    expect(b.spec?.facts.get('robustness.stability')?.epoch).toBe('006');
    const i = broken.indexOf('robustness.stability') + 3;
    expect((hover(b, env, i)?.contents as { value: string }).value).toContain('**fact** `robustness.stability`: percent');
  });
});

describe('diagnostics for the protocol', () => {
  it('carry notes as related information, a docs link, and the unnecessary tag for an unused tier', () => {
    const convert = (text: string) =>
      toLspDiagnostics(analyze({ path: PATH, text }, loader).diagnostics, PATH, (f) => (f === PATH ? 'file:///spec' : null), 'file:///docs/diagnostics.md');
    const lsp = [
      ...convert(EXAMPLE.replace('  metric    f1_score\n', '  metric    f1_score\n  metric    roc_auc\n')),
      ...convert(EXAMPLE.replace('    tier large  "Large"\n', '    tier large  "Large"\n    tier gpu    "GPU"\n')),
    ];
    const twice = lsp.find((d) => d.code === 'PC1005');
    expect(twice?.relatedInformation).toEqual([{ location: { uri: 'file:///spec', range: { start: { line: 7, character: 2 }, end: { line: 7, character: 8 } } }, message: 'first set here' }]);
    expect(twice?.codeDescription?.href).toBe('file:///docs/diagnostics.md#pc1005-setting-given-twice');
    const unused = lsp.find((d) => d.code === 'PC6006');
    expect(unused?.tags).toEqual([DiagnosticTag.Unnecessary]);
    expect(unused?.severity).toBe(DiagnosticSeverity.Information);
  });

  it('link to headings that exist in docs/diagnostics.md', () => {
    const md = readFileSync(join(REPO_ROOT, 'docs/diagnostics.md'), 'utf8');
    const anchors = new Set([...md.matchAll(/^### (.*)$/gm)].map((m) => m[1]!.toLowerCase().replace(/[^a-z0-9 _-]/g, '').replace(/ /g, '-')));
    for (const code of ['PC0002', 'PC1005', 'PC2002', 'PC3014', 'PC8002']) expect(anchors).toContain(docsAnchor(code));
  });
});
