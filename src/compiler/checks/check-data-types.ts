// Rule: declared column types agree with the values sampled from the data file (issue 12).
import type { Check } from '../check-context.js';
import type { ColumnType } from '../model.js';
import { profileSample, type InferredType } from '../data-sample.js';

/** Inferred types each declared type accepts (`empty`: nothing sampled, nothing to disagree with). */
const ACCEPTS: Record<ColumnType, readonly InferredType[]> = {
  int: ['int', 'bool', 'empty'],
  float: ['int', 'float', 'bool', 'empty'],
  bool: ['bool', 'empty'],
  category: ['bool', 'int', 'float', 'datetime', 'category', 'empty'],
  id: ['bool', 'int', 'float', 'datetime', 'category', 'empty'],
  ignore: ['bool', 'int', 'float', 'datetime', 'category', 'empty'],
  datetime: ['datetime', 'empty'],
  text: ['category', 'empty'],
};

/** PC3105: a declared type the sampled values do not fit. */
export const checkDataTypes: Check = {
  name: 'data-types',
  run({ spec, rep, data }) {
    const d = spec.project.data;
    if (!d || d.kind !== 'file' || data?.status !== 'ok') return;
    const profiles = new Map(profileSample(data).map((p) => [p.name, p]));
    for (const c of d.columns) {
      const p = profiles.get(c.name.value);
      if (!p || ACCEPTS[c.type.value].includes(p.type)) continue;
      const example = p.topValues.find((v) => v !== '') ?? '';
      rep.report('PC3105', c.type, `column "${c.name.value}" is declared ${c.type.value} but the file holds ${p.type} values (e.g. "${example}")`,
        `declare it \`column ${c.name.value} ${p.type}\`, or clean the file`);
    }
  },
};
