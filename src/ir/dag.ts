/**
 * Epoch DAG helpers over the IR: the one source of truth for `pipec graph`, the Domino Flows emitter,
 * cache keys and `pipec plan`. Pure; every result is deterministically ordered.
 *
 * Edges come from `epoch.after` (direct prerequisites). Ids that name no epoch are ignored here:
 * the compiler reports them (PC7xxx) before an IR exists, so the helpers stay total.
 */
import type { Epoch, Ir } from './schema.js';

/** A dependency edge: `from` must complete before `to` starts. */
export interface EpochEdge {
  from: string;
  to: string;
}

/** The minimal shape the helpers need, so callers (checks, tests) can pass partial IRs. */
export type DagInput = Pick<Ir, 'epochs'> | { epochs: readonly Pick<Epoch, 'id' | 'after'>[] };

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Every edge `after → epoch`, sorted by (to, from); edges to unknown epochs are dropped. */
export function epochEdges(ir: DagInput): EpochEdge[] {
  const ids = new Set(ir.epochs.map((e) => e.id));
  const edges: EpochEdge[] = [];
  for (const e of ir.epochs) {
    for (const from of [...new Set(e.after)].sort(byId)) {
      if (ids.has(from)) edges.push({ from, to: e.id });
    }
  }
  return edges.sort((a, b) => byId(a.to, b.to) || byId(a.from, b.from));
}

/** Result of a topological sort: `order` lists every id not on a cycle; `cycle` is one cycle found, or null. */
export interface TopoResult {
  order: string[];
  cycle: string[] | null;
}

/**
 * Kahn's algorithm with ties broken by id (smallest ready id first), so the order is stable and equals
 * the IR's documented epoch order. On a cycle, returns the acyclic prefix plus one cycle as evidence.
 */
export function topoSort(ir: DagInput): TopoResult {
  const ids = ir.epochs.map((e) => e.id).sort(byId);
  const edges = epochEdges(ir);
  const indeg = new Map(ids.map((id) => [id, 0]));
  const succ = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const { from, to } of edges) {
    indeg.set(to, (indeg.get(to) ?? 0) + 1);
    succ.get(from)?.push(to);
  }
  const ready = ids.filter((id) => indeg.get(id) === 0);
  const order: string[] = [];
  while (ready.length > 0) {
    ready.sort(byId);
    const id = ready.shift() as string;
    order.push(id);
    for (const next of succ.get(id) ?? []) {
      const d = (indeg.get(next) ?? 0) - 1;
      indeg.set(next, d);
      if (d === 0) ready.push(next);
    }
  }
  if (order.length === ids.length) return { order, cycle: null };
  return { order, cycle: findCycle(ir, new Set(order)) };
}

/** Topological order of epoch ids (ties by id). Throws only on a cycle, which checks reject earlier. */
export function topoOrder(ir: DagInput): string[] {
  const { order, cycle } = topoSort(ir);
  // An IR is only built after PC8005 (acyclic) passed, so a cycle here is a compiler bug, not user input.
  if (cycle) throw new Error(`epoch DAG has a cycle: ${cycle.join(' -> ')}`);
  return order;
}

/** One cycle among the epochs not in `done`, as ids `[a, b, ..., a]`, smallest start id first. */
function findCycle(ir: DagInput, done: ReadonlySet<string>): string[] | null {
  const after = new Map(ir.epochs.map((e) => [e.id, [...e.after].sort(byId)]));
  const left = [...after.keys()].filter((id) => !done.has(id)).sort(byId);
  for (const start of left) {
    // Walk prerequisites depth-first; a revisit of a node on the current path closes a cycle.
    const path: string[] = [];
    const onPath = new Set<string>();
    const seen = new Set<string>();
    const walk = (id: string): string[] | null => {
      if (onPath.has(id)) return [...path.slice(path.indexOf(id)), id];
      if (seen.has(id) || done.has(id) || !after.has(id)) return null;
      seen.add(id);
      path.push(id);
      onPath.add(id);
      for (const p of after.get(id) ?? []) {
        const c = walk(p);
        if (c) return c;
      }
      path.pop();
      onPath.delete(id);
      return null;
    };
    const c = walk(start);
    // Reverse so the cycle reads in execution direction (prerequisite first).
    if (c) return c.reverse();
  }
  return null;
}

/** A dependency `epoch after after` that closes a cycle, with the cycle it closes (`[after, ..., after]`). */
export interface CycleEdge {
  epoch: string;
  after: string;
  path: string[];
}

/**
 * Every edge that closes a cycle in a depth-first walk over prerequisites (epochs in the given order,
 * prerequisites deduplicated and sorted), so the compiler can report each cycle once, at the `after`
 * that closes it, identically across runs. Empty for a DAG.
 */
export function cycleEdges(ir: DagInput): CycleEdge[] {
  const after = new Map(ir.epochs.map((e) => [e.id, [...new Set(e.after)].sort(byId)]));
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const out: CycleEdge[] = [];
  const visit = (id: string): void => {
    state.set(id, 'open');
    stack.push(id);
    for (const dep of after.get(id) ?? []) {
      if (!after.has(dep)) continue;
      const s = state.get(dep);
      if (s === 'open') out.push({ epoch: id, after: dep, path: [...stack.slice(stack.indexOf(dep)), dep] });
      else if (!s) visit(dep);
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const e of ir.epochs) if (!state.has(e.id)) visit(e.id);
  return out;
}

/** Direct and transitive prerequisites of `id`, sorted. */
export function upstreamOf(ir: DagInput, id: string): string[] {
  const after = new Map(ir.epochs.map((e) => [e.id, e.after]));
  const out = new Set<string>();
  const stack = [...(after.get(id) ?? [])];
  while (stack.length > 0) {
    const cur = stack.pop() as string;
    if (out.has(cur) || !after.has(cur)) continue;
    out.add(cur);
    stack.push(...(after.get(cur) ?? []));
  }
  return [...out].sort(byId);
}

/**
 * Every epoch that (transitively) depends on any of `ids`, excluding `ids` themselves unless they
 * depend on each other; sorted by id. Used by `pipec plan` ("what must rerun").
 */
export function downstreamOf(ir: DagInput, ids: readonly string[]): string[] {
  const succ = new Map<string, string[]>();
  for (const { from, to } of epochEdges(ir)) succ.set(from, [...(succ.get(from) ?? []), to]);
  const out = new Set<string>();
  const stack = [...ids];
  while (stack.length > 0) {
    const cur = stack.pop() as string;
    for (const next of succ.get(cur) ?? []) {
      if (!out.has(next)) {
        out.add(next);
        stack.push(next);
      }
    }
  }
  return [...out].sort(byId);
}
