/** `pipec lsp` — option parsing only; the server (and vscode-languageserver) load only when the verb runs. */
import type { Command } from 'commander';

/** Register `pipec lsp [--stdio]`. */
export function registerLsp(program: Command): void {
  program
    .command('lsp')
    .description('run the language server (Language Server Protocol over stdio) for editors')
    // LSP clients pass `--stdio` by convention; stdio is the only transport, so the flag is accepted and implied.
    .option('--stdio', 'talk over stdin/stdout (the default and only transport)')
    .addHelpText(
      'after',
      `
Editors start it themselves; see editors/README.md for VS Code, Neovim and Helix.
  $ pipec lsp --stdio`,
    )
    .action(async () => {
      const { runLsp } = await import('../actions/lsp.js');
      await runLsp();
    });
}
