/**
 * `pipec lsp`: the language server over stdio. The CLI's part is what touches the disk: the stdlib
 * loader and the file URIs of pipec's own files (stdlib sources for go-to-definition, the diagnostics
 * reference for code links). The server itself lives in src/lsp/.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../../lsp/server.js';
import { createLibraryLoader, packageRoot, STDLIB_PREFIX } from '../load-stdlib.js';
import { editorSampleReader } from '../read-data-sample.js';

/** Serve until the client exits; resolves when the connection closes. */
export async function runLsp(): Promise<void> {
  const root = packageRoot();
  const stdlib = join(root, 'stdlib');
  const loader = createLibraryLoader(stdlib);
  const uriOf = (file: string): string | null =>
    file.startsWith(`${STDLIB_PREFIX}/`) ? pathToFileURL(join(stdlib, ...file.slice(STDLIB_PREFIX.length + 1).split('/'))).href : null;
  // A failed request to the client (one it does not implement) must not end the session.
  process.on('unhandledRejection', (err) => process.stderr.write(`pipec lsp: ${String(err)}\n`));
  const data = editorSampleReader();
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  const closed = new Promise<void>((resolve) => connection.onExit(() => resolve()));
  startServer(connection, {
    loadLibrary: (name) => loader.load(name),
    uriOf,
    textOf: (file) => loader.loaded.get(file) ?? null,
    docsUri: pathToFileURL(join(root, 'docs', 'diagnostics.md')).href,
    readData: data.read,
    onDataReady: data.onReady,
  });
  await closed;
}
