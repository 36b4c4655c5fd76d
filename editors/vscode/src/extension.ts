/**
 * The VS Code client: starts `pipec lsp --stdio` for pipeline documents, claims `.pipeline` files by
 * content (association.ts), and shows the epoch DAG of the current spec as a diagram.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { claims } from './association.js';

const LANGUAGE = 'pipeline';
let client: LanguageClient | undefined;

/** Give a `.pipeline` file that looks like pipec (and not another tool's JSON) the pipeline language. */
async function claim(doc: vscode.TextDocument): Promise<void> {
  if (doc.languageId === LANGUAGE || doc.uri.scheme !== 'file') return;
  if (claims(doc.fileName, doc.getText(new vscode.Range(0, 0, 20, 0)))) await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const config = vscode.workspace.getConfiguration('pipec');
  const command = config.get<string>('path') || 'pipec';
  const serverOptions: ServerOptions = { command, args: ['lsp'], transport: TransportKind.stdio };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE }],
    initializationOptions: config.get<number>('debounceMs') !== undefined ? { debounceMs: config.get<number>('debounceMs') } : {},
  };
  client = new LanguageClient('pipec', 'pipec language server', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((doc) => void claim(doc)),
    vscode.commands.registerCommand('pipec.showGraph', () => showGraph(context)),
  );
  for (const doc of vscode.workspace.textDocuments) await claim(doc);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

/** Render the current spec's epoch DAG (the server's `pipec/graph` request: the same DAG as `pipec graph`). */
async function showGraph(context: vscode.ExtensionContext): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== LANGUAGE || !client) {
    void vscode.window.showWarningMessage('Open a .pipeline spec to show its epoch graph.');
    return;
  }
  const graph = await client.sendRequest<{ svg: string; mermaid: string } | null>('pipec/graph', { uri: editor.document.uri.toString() });
  if (!graph) {
    void vscode.window.showWarningMessage('The spec has errors; fix them to see its epoch graph (see the Problems panel).');
    return;
  }
  const panel = vscode.window.createWebviewPanel('pipecGraph', `Epochs: ${editor.document.fileName.split(/[\\/]/).pop()}`, vscode.ViewColumn.Beside, { enableScripts: false });
  panel.webview.html = `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';"></head>
<body style="background:#fff">${graph.svg}<details><summary>Mermaid source (pipec graph)</summary><pre>${graph.mermaid.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</pre></details></body></html>`;
  context.subscriptions.push(panel);
}
