// Rule: identifier-like and high-cardinality columns of the data file are declared; roles need a file (issue 12).
import type { Check } from '../check-context.js';
import { CARDINALITY_LIMIT, isHighCardinality, looksLikeIdentifier, profileSample } from '../data-sample.js';

const ROLES = new Set(['id', 'ignore', 'datetime']);

/** PC3108 identifier column, PC3109 high-cardinality category (both for undeclared columns); PC3110 role on synthetic data. */
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
    const declared = new Set(d.columns.map((c) => c.name.value));
    const target = d.target?.name.value ?? spec.project.target?.value;
    for (const p of profileSample(data)) {
      if (declared.has(p.name) || p.name === target) continue;
      if (looksLikeIdentifier(p)) {
        rep.report('PC3108', at, `column "${p.name}" of "${at.value}" looks like an identifier (${p.distinct} distinct values in ${p.present} sampled rows)`,
          `declare it in the data block: \`column ${p.name} id\` (generated code never gives it to a model)`);
      } else if (isHighCardinality(p)) {
        rep.report('PC3109', at, `column "${p.name}" of "${at.value}" has ${p.distinct}${data.complete ? '' : '+'} categories, above the one-hot limit of ${CARDINALITY_LIMIT}`,
          `it will get a bounded encoding (top levels + "other"); declare \`column ${p.name} category\` to accept that, or \`column ${p.name} ignore\``);
      }
    }
  },
};
