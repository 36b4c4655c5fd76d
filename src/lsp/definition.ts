/**
 * Go to definition: a fact or a standard epoch into the stdlib file, a column to its declaration,
 * a derived feature to its `derive` line, a tier to its `tier` line, an epoch number to its block.
 */
import type { Location } from 'vscode-languageserver';
import type { Loc } from '../compiler/model.js';
import type { Analysis } from './analysis.js';
import { columns, derives, epochs, facts, tiers, type ServerEnv } from './knowledge.js';
import { keywords, locate, toLspRange } from './locate.js';

/** Declaration of the thing at `offset`, or null. `uri` is the document's. */
export function definition(a: Analysis, env: ServerEnv, uri: string, offset: number): Location | null {
  const cur = locate(a.syntax, offset);
  const node = cur.node;
  const at = (loc: Loc | undefined | null): Location | null => {
    if (!loc) return null;
    const target = loc.file === a.path ? uri : env.uriOf(loc.file);
    return target ? { uri: target, range: toLspRange(loc.range) } : null;
  };
  if (node?.kind === 'Number') {
    const stmt = keywords(cur.chain).pop();
    if (stmt !== 'after' && stmt !== 'review' && stmt !== 'epoch') return null;
    const e = epochs(a).find((x) => x.id === node.raw.padStart(3, '0'));
    // From an override (`epoch 005 { ... }`) go to the epoch it extends; elsewhere to the epoch's own block.
    return at(e ? (stmt === 'epoch' && e.override ? e.base.id : (e.override ?? e.base).id) : null);
  }
  if (node?.kind !== 'Name') return null;
  const name = node.text;
  const fact = facts(a).get(name)?.fact;
  if (fact) return at(fact.name);
  const column = columns(a).find((c) => c.name.value === name);
  if (column) return at(column.name);
  const target = a.project?.data?.target;
  if (target && target.name.value === name) return at(target.name);
  const derive = derives(a).find((d) => d.name.value === name);
  if (derive) return at(derive.name);
  const tier = tiers(a).get(name);
  if (tier) return at(tier.name);
  return null;
}
