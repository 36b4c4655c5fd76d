/**
 * A real LSP client for the tests and the benchmark: spawns `node bin/pipec.js lsp --stdio` and talks
 * JSON-RPC to it through vscode-jsonrpc / vscode-languageserver-protocol, as an editor does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, InitializeRequest, InitializedNotification, PublishDiagnosticsNotification, ShutdownRequest,
  ExitNotification, DidOpenTextDocumentNotification, DidChangeTextDocumentNotification,
  type ProtocolConnection, type PublishDiagnosticsParams, type InitializeResult,
} from 'vscode-languageserver-protocol/node';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

/** A running server and a connection to it. */
export interface LspSession {
  conn: ProtocolConnection;
  child: ChildProcess;
  init: InitializeResult;
  /** Every publishDiagnostics received, in order. */
  published: PublishDiagnosticsParams[];
  /** Resolve with the first publication (from now on) for `uri` matching `pred`. */
  nextDiagnostics(uri: string, pred?: (p: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  open(uri: string, text: string): Promise<PublishDiagnosticsParams>;
  /** Replace `[start, end)` (offsets into `text`) with `insert`, as an incremental change; returns the new text. */
  edit(uri: string, text: string, start: number, end: number, insert: string, version: number): string;
  close(): Promise<void>;
}

/** LSP position of an offset in `text`. */
export function positionOf(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** A file URI for a repository-relative path. */
export const fileUri = (root: string, rel: string): string => pathToFileURL(join(root, rel)).href;

/** Start `pipec lsp --stdio` from `root` and initialize it. */
export async function startSession(root: string, initializationOptions: Record<string, unknown> = {}): Promise<LspSession> {
  const child = spawn(process.execPath, [join(root, 'bin/pipec.js'), 'lsp', '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: { uri: string; pred: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
    published.push(p);
    for (const w of [...waiters]) {
      if (w.uri === p.uri && w.pred(p)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p);
      }
    }
  });
  conn.listen();
  const init = await conn.sendRequest(InitializeRequest.type, {
    processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: {}, initializationOptions,
  });
  await conn.sendNotification(InitializedNotification.type, {});
  const nextDiagnostics: LspSession['nextDiagnostics'] = (uri, pred = () => true, timeoutMs = 20_000) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      waiters.push({ uri, pred, resolve: (p) => { clearTimeout(timer); resolve(p); } });
    });
  return {
    conn, child, init, published, nextDiagnostics,
    async open(uri, text) {
      const next = nextDiagnostics(uri);
      await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'pipeline', version: 1, text } });
      return next;
    },
    edit(uri, text, start, end, insert, version) {
      void conn.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: positionOf(text, start), end: positionOf(text, end) }, text: insert }],
      });
      return text.slice(0, start) + insert + text.slice(end);
    },
    async close() {
      await conn.sendRequest(ShutdownRequest.type);
      await conn.sendNotification(ExitNotification.type);
      await new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
      conn.dispose();
    },
  };
}
