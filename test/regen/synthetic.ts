/**
 * A small synthetic "emitter" for writer tests: a handful of files whose contents depend on the IR the
 * way real generated files do (columns in config and the EDA notebook, gate thresholds in epoch 005,
 * one folder per epoch), so spec edits ripple through exactly like in a real project — in milliseconds.
 */
import type { OutputFile } from '../../src/emit/types.js';
import type { Ir } from '../../src/ir/schema.js';

const notebook = (cells: string[]): string =>
  `${JSON.stringify(
    {
      cells: cells.map((source, i) => ({ cell_type: 'code', execution_count: null, id: `cell-${i}`, metadata: {}, outputs: [], source: source.split(/(?<=\n)/) })),
      metadata: { kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' } },
      nbformat: 4,
      nbformat_minor: 5,
    },
    null,
    1,
  )}\n`;

/** Files for `ir`, sorted by path. */
export function synthFiles(ir: Ir): OutputFile[] {
  const cols = ir.data.columns.map((c) => c.name);
  const files: OutputFile[] = [
    { path: 'README.md', contents: `# ${ir.project.title}\n\n${ir.project.objective}\n`, sources: ['project'] },
    { path: 'run.sh', contents: '#!/bin/sh\nexec pipec run .\n', sources: ['project'], executable: true },
    {
      path: `src/${ir.project.name}/config.py`,
      contents: `"""Generated configuration."""\nCOLUMNS = [\n${cols.map((c) => `    ${JSON.stringify(c)},\n`).join('')}]\nCHUNK_ROWS = ${ir.limits.chunkRows}\n`,
      sources: ['data', 'limits'],
    },
    { path: '.context/pipeline_state.json', contents: '{"epochs": {}}\n', sources: ['epochs'] },
  ];
  for (const e of ir.epochs) {
    const gate = e.gate.map((g) => `    require(${JSON.stringify(g.fact)}, ${JSON.stringify(g.op)}, ${String(g.value)})\n`).join('');
    const body =
      e.id === '002'
        ? `def main():\n    df = generate(${cols.map((c) => JSON.stringify(c)).join(', ')})\n    save(df)\n\n\ndef gate():\n${gate || '    pass\n'}`
        : `def main():\n    print(${JSON.stringify(e.title)})\n\n\ndef gate():\n${gate || '    pass\n'}`;
    files.push({
      path: `${e.dir}/scripts/run_epoch.py`,
      contents: `"""Epoch ${e.id}: ${e.title}."""\n\n\n${body}`,
      sources: e.id === '002' ? [`epochs.${e.id}`, 'data'] : [`epochs.${e.id}`],
    });
    files.push({ path: `${e.dir}/README.md`, contents: `# ${e.title}\n`, sources: [`epochs.${e.id}`] });
    if (e.id === '003') {
      files.push({
        path: `${e.dir}/notebooks/eda.ipynb`,
        contents: notebook(['import pandas as pd\ndf = pd.read_parquet("data.parquet")', ...cols.map((c) => `df[${JSON.stringify(c)}].hist()`)]),
        sources: [`epochs.${e.id}`, 'data'],
      });
    }
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}
