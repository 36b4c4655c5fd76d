/**
 * The `pipec lsp` server: Language Server Protocol over a connection (stdio from the CLI), wiring
 * the document store to the features. Everything a feature knows comes from the compiler's analysis
 * of the document (analysis.ts); this file only translates between the protocol and those features.
 */
import {
  MessageType, ShowMessageNotification, TextDocumentSyncKind, type Connection, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver';
import { checkSyntax } from '../compiler/index.js';
import { formatSpec } from '../grammar/index.js';
import { renderMermaid } from '../cli/actions/graph.js';
import { PIPEC_VERSION } from '../version.js';
import { codeActions, EXPLAIN_COMMAND } from './code-actions.js';
import { complete } from './completion.js';
import { definition } from './definition.js';
import { toLspDiagnostics } from './diagnostics.js';
import { DocumentStore, type OpenDocument } from './documents.js';
import { explainMarkdown, hover } from './hover.js';
import { renderSvg } from './graph-svg.js';
import type { ServerEnv } from './knowledge.js';
import { documentSymbols, foldingRanges } from './outline.js';
import { prepareRename, rename } from './rename.js';

/** Custom request: the epoch DAG of a document as Mermaid text and SVG (null when the spec has errors). */
export const GRAPH_REQUEST = 'pipec/graph';

/** Start serving on `connection` (already created; `listen()` is called here). */
export function startServer(connection: Connection, env: ServerEnv): void {
  let store: DocumentStore | null = null;
  let snippets = false;
  const publish = (d: OpenDocument) => {
    void connection.sendDiagnostics({
      uri: d.uri,
      version: d.doc.version,
      diagnostics: toLspDiagnostics(d.analysis.diagnostics, d.path, (f) => (f === d.path ? d.uri : env.uriOf(f)), env.docsUri),
    });
  };
  const current = (uri: string) => {
    const d = store?.get(uri);
    return d && store ? { d, a: store.flush(d) } : null;
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const opts = (params.initializationOptions ?? {}) as { debounceMs?: unknown };
    snippets = params.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
    store = new DocumentStore(env, publish, typeof opts.debounceMs === 'number' ? opts.debounceMs : null);
    // A Parquet sample arrives after the first analysis: analyse again so its findings are published.
    env.onDataReady?.(() => store?.refreshAll());
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['.', ' ', ','] },
        definitionProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        documentFormattingProvider: true,
        renameProvider: { prepareProvider: true },
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        executeCommandProvider: { commands: [EXPLAIN_COMMAND] },
      },
      serverInfo: { name: 'pipec', version: PIPEC_VERSION },
    };
  });
  connection.onDidOpenTextDocument((p) => store?.open(p.textDocument.uri, p.textDocument.version, p.textDocument.text));
  connection.onDidChangeTextDocument((p) => store?.change(p.textDocument.uri, p.textDocument.version, p.contentChanges));
  connection.onDidCloseTextDocument((p) => {
    store?.close(p.textDocument.uri);
    void connection.sendDiagnostics({ uri: p.textDocument.uri, diagnostics: [] });
  });

  connection.onHover((p) => {
    const c = current(p.textDocument.uri);
    return c ? hover(c.a, env, c.d.doc.offsetAt(p.position)) : null;
  });
  connection.onCompletion((p) => {
    // Completion must be instant: it reads the text as typed and the latest analysis, without waiting for a re-check.
    const d = store?.get(p.textDocument.uri);
    return d ? complete(d.analysis, d.doc.getText(), d.doc.offsetAt(p.position), snippets) : [];
  });
  connection.onDefinition((p) => {
    const c = current(p.textDocument.uri);
    return c ? definition(c.a, env, c.d.uri, c.d.doc.offsetAt(p.position)) : null;
  });
  connection.onDocumentSymbol((p) => {
    const c = current(p.textDocument.uri);
    return c ? documentSymbols(c.a.syntax) : [];
  });
  connection.onFoldingRanges((p) => {
    const c = current(p.textDocument.uri);
    return c ? foldingRanges(c.a.syntax, c.a.text) : [];
  });
  connection.onDocumentFormatting((p) => {
    const d = store?.get(p.textDocument.uri);
    if (!d) return [];
    const text = d.doc.getText();
    const formatted = formatSpec(text, d.path).text;
    if (formatted === null || formatted === text) return [];
    return [{ range: { start: { line: 0, character: 0 }, end: d.doc.positionAt(text.length) }, newText: formatted }];
  });
  connection.onPrepareRename((p) => {
    const c = current(p.textDocument.uri);
    return c ? prepareRename(c.a, c.d.doc.offsetAt(p.position)) : null;
  });
  connection.onRenameRequest((p) => {
    const c = current(p.textDocument.uri);
    return c ? rename(c.a, c.d.uri, c.d.doc.offsetAt(p.position), p.newName) : null;
  });
  connection.onCodeAction((p) => {
    const c = current(p.textDocument.uri);
    return c ? codeActions(c.a, c.d.uri, p.range, p.context.diagnostics) : [];
  });
  connection.onExecuteCommand((p) => {
    if (p.command !== EXPLAIN_COMMAND) return null;
    const text = explainMarkdown(String(p.arguments?.[0] ?? ''));
    // A notification, not window/showMessageRequest: every client shows it, none has to answer it.
    if (text) void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: text });
    return text;
  });
  connection.onRequest(GRAPH_REQUEST, (p: { uri: string }) => {
    const c = current(p.uri);
    if (!c || c.a.diagnostics.some((x) => x.severity === 'error')) return null;
    const checked = checkSyntax(c.a.syntax, { loadLibrary: (n) => env.loadLibrary(n) });
    return checked.ir ? { mermaid: renderMermaid(checked.ir), svg: renderSvg(checked.ir) } : null;
  });
  connection.listen();
}
