/** `pipec graph` — option parsing only; the work is in actions/graph.ts. */
import { type Command, Option } from 'commander';

/** Register `pipec graph <spec> [--format mermaid|dot]`. */
export function registerGraph(program: Command): void {
  program
    .command('graph')
    .description('print the epoch DAG with gate rules and review points (Mermaid or Graphviz DOT)')
    .argument('<spec>', 'the .pipeline file')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['mermaid', 'dot']).default('mermaid'))
    .option('--no-color', 'never colour diagnostics')
    .addHelpText(
      'after',
      `
Examples:
  $ pipec graph examples/credit-risk/project.pipeline > dag.mmd
  $ pipec graph --format dot project.pipeline | dot -Tsvg > dag.svg`,
    )
    .action(async (spec: string, opts: { format: 'mermaid' | 'dot'; color?: boolean }) => {
      const { runGraph } = await import('../actions/graph.js');
      process.exitCode = await runGraph(spec, opts);
    });
}
