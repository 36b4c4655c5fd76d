/**
 * The catalogue as documentation: the models and metrics tables of docs/language.md, rendered from
 * the tables themselves (test/docs/catalogue-doc.test.ts keeps the section in sync). Pure.
 */
import { FRAMEWORKS } from './frameworks.js';
import { METRICS } from './metrics.js';
import { MODELS, MODEL_IDS, modelProblems } from './models.js';

/** Markers around the generated section in docs/language.md. */
export const CATALOGUE_DOC_BEGIN = '<!-- catalogue: generated from src/catalogue by test/docs/catalogue-doc.test.ts (UPDATE_GOLDEN=1); do not edit -->';
export const CATALOGUE_DOC_END = '<!-- end of catalogue -->';

const bound = (v: number | null, side: 'lo' | 'hi') => (v === null ? (side === 'lo' ? '−∞' : '∞') : String(v));

/** The section, markers included, ending with a newline. */
export function renderCatalogueDoc(): string {
  const models = MODEL_IDS.map((id) => {
    const m = MODELS[id];
    const f = FRAMEWORKS[m.framework];
    const tuned = Object.keys(m.search);
    return `| \`${id}\` | ${m.framework} (\`${f.pip}\`${f.version ? ` ${f.version}` : ', optional'}) | ${modelProblems(id).join(', ')} | `
      + `${m.python.gpu ? 'yes' : 'no'} | ${m.defaultBaseline ? 'yes' : 'no'} | ${tuned.length > 0 ? tuned.map((k) => `\`${k}\``).join(', ') : '—'} |`;
  });
  const metrics = Object.entries(METRICS).map(([name, m]) =>
    `| \`${name}\` | ${m.problem} | ${bound(m.range[0], 'lo')}..${bound(m.range[1], 'hi')} | ${m.better} | ${m.thresholdDependent ? 'yes' : 'no'} | \`${m.scorer[0]}\`${m.scorer[1] === m.scorer[0] ? '' : ` / \`${m.scorer[1]}\``} |`);
  return [
    CATALOGUE_DOC_BEGIN,
    '',
    '| model | framework (pip package) | problem kinds | GPU | default baseline | tuned parameters |',
    '|---|---|---|---|---|---|',
    ...models,
    '',
    '| metric | problem kind | range | better | threshold-dependent | scikit-learn scorer (binary / multiclass) |',
    '|---|---|---|---|---|---|',
    ...metrics,
    '',
    CATALOGUE_DOC_END,
    '',
  ].join('\n');
}
