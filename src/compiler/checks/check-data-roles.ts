// Rule: identifier-like, high-cardinality and free-text columns of the data file are declared; roles need a file (issue 12).
import type { Check } from '../check-context.js';
import { CARDINALITY_LIMIT, isHighCardinality, looksLikeIdentifier, looksLikeText, profileSample, type ColumnProfile } from '../data-sample.js';

const ROLES = new Set(['id', 'ignore', 'datetime', 'text']);

/**
 * PC3108 identifier column, PC3109 high-cardinality category (both for undeclared columns); PC3110 role
 * on synthetic data; PC3111 free text left undeclared or declared `category`.
 */
export const checkDataRoles: Check = {
  name: 'data-roles',
  run({ spec, rep, data }) {
    const d = spec.project.data;
    if (!d) return;
    if (d.kind === 'synthetic') {
      for (const c of d.columns) {
        if (ROLES.has(c.type.value)) {
          rep.report('PC3110', c.type, `column "${c.name.value}" has the role \`${c.type.value}\`, which only a data file's columns can have`,
            'remove the column, or use `data file "..."`');
        }
      }
      return;
    }
    const at = d.path;
    if (data?.status !== 'ok' || !at) return;
    const declared = new Map(d.columns.map((c) => [c.name.value, c]));
    const target = d.target?.name.value ?? spec.project.target?.value;
    for (const p of profileSample(data)) {
      const column = declared.get(p.name);
      if (p.name === target || (column && column.type.value !== 'category')) continue;
      if (looksLikeText(p)) {
        rep.report('PC3111', column?.type ?? at, textMessage(p, at.value, data.complete),
          `declare it \`column ${p.name} text\`: generated code turns its words into TF-IDF features instead of one-hot encoding a few repeated sentences`);
      } else if (column) {
        continue;
      } else if (looksLikeIdentifier(p)) {
        rep.report('PC3108', at, `column "${p.name}" of "${at.value}" looks like an identifier (${p.distinct} distinct values in ${p.present} sampled rows)`,
          `declare it in the data block: \`column ${p.name} id\` (generated code never gives it to a model)`);
      } else if (isHighCardinality(p)) {
        rep.report('PC3109', at, `column "${p.name}" of "${at.value}" has ${p.distinct}${data.complete ? '' : '+'} categories, above the one-hot limit of ${CARDINALITY_LIMIT}`,
          `it will get a bounded encoding (top levels + "other"); declare \`column ${p.name} category\` to accept that, or \`column ${p.name} ignore\``);
      }
    }
  },
};

function textMessage(p: ColumnProfile, file: string, complete: boolean): string {
  const words = p.meanWords.toFixed(1);
  return `column "${p.name}" of "${file}" holds free text (${p.distinct}${complete ? '' : '+'} distinct values of ${words} words on average in ${p.present} sampled rows)`;
}
