/**
 * Renders the Domino Flows files: `flows/<project>_flow.py` (DominoJobTask per epoch), its local twin
 * `flows/<project>_flow_local.py`, the node entry point `flows/run_node.py`, the I/O plan
 * `flows/flow_io.json` read by pipec_runtime.flow_io, and `flows/README.md` with the launch commands.
 * Pure; the cache versions hash the rest of the generated project, passed in by the caller.
 */
import type { Ir } from '../../ir/schema.js';
import { epochCacheKeys } from '../../ir/cache-keys.js';
import type { TemplateEngine } from '../handlebars.js';
import type { OutputFile } from '../types.js';
import { inputsOf, outputsOf, WORKFLOW_INPUTS } from './handoff.js';
import { viewFlow } from './flow-view.js';
import { pluginApiUsed } from './plugin-api.js';

/** Template keys (relative to stdlib/templates/). */
export const FLOW_TEMPLATES = {
  flow: 'flows/flow.py.hbs',
  local: 'flows/flow_local.py.hbs',
  runNode: 'flows/run_node.py',
  readme: 'flows/README.md.hbs',
} as const;

/** The I/O plan flow_io executes: per epoch its script, typed inputs (with env for workflow inputs) and outputs. */
export function flowIoPlan(ir: Ir): object {
  const envOf = new Map(WORKFLOW_INPUTS.map((w) => [w.name, w.env]));
  const epochs: Record<string, object> = {};
  for (const e of [...ir.epochs].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    epochs[e.id] = {
      name: e.name,
      script: `${e.dir}/scripts/run_epoch.py`,
      after: [...e.after].sort(),
      inputs: inputsOf(ir, e).map((i) => ({
        name: i.name,
        type: i.type,
        ...(i.from.kind === 'workflow'
          ? { workflow: i.from.input, env: envOf.get(i.from.input) }
          : { epoch: i.from.epoch, output: i.from.output }),
      })),
      outputs: outputsOf(e).map((o) => ({ name: o.name, type: o.type, source: o.source })),
    };
  }
  return {
    version: 2, project: ir.project.name, rootEnv: 'PIPEC_WORKFLOW_ROOT', defaultRoot: '/workflow',
    simpleOutputLimitBytes: 1024, pluginApi: pluginApiUsed(ir), epochs,
  };
}

/** Ensures the final newline every generated file has. */
const nl = (text: string): string => (text.endsWith('\n') ? text : `${text}\n`);

/**
 * The flow files for `ir`, given the rest of the generated project (`others`, used for cache keys).
 * Exposed separately from the part so tests can vary the other files.
 */
export function renderFlowFiles(ir: Ir, engine: TemplateEngine, others: readonly OutputFile[]): OutputFile[] {
  const keys = epochCacheKeys(ir, others);
  const view = viewFlow(ir, keys);
  const sources = ['domino', 'project', ...ir.epochs.map((e) => `epochs.${e.id}`).sort()];
  const file = (path: string, contents: string): OutputFile => ({ path, contents: nl(contents), sources });
  return [
    file(view.flowPath, engine.render(FLOW_TEMPLATES.flow, view)),
    file(view.localPath, engine.render(FLOW_TEMPLATES.local, view)),
    file('flows/run_node.py', engine.render(FLOW_TEMPLATES.runNode, view)),
    file('flows/README.md', engine.render(FLOW_TEMPLATES.readme, view)),
    file('flows/flow_io.json', JSON.stringify(flowIoPlan(ir), null, 2)),
  ];
}

