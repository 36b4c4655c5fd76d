/**
 * Open documents and their analyses. Edits arrive incrementally and are queued; the analysis runs
 * debounced (coalescing a burst of keystrokes), re-parsing only the edited statement when it can
 * (incremental.ts), and immediately when a request needs the current version.
 */
import { fileURLToPath } from 'node:url';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { hasErrors } from '../diagnostics/types.js';
import { analyze, type Analysis } from './analysis.js';
import { reparseStatement, type TextChange } from './incremental.js';
import type { ServerEnv } from './knowledge.js';

/** One open document. */
export interface OpenDocument {
  uri: string;
  /** Display path used in diagnostics: the file path for file URIs, else the URI. */
  path: string;
  doc: TextDocument;
  analysis: Analysis;
  /** Edits since `analysis`, in order; null when only a full re-parse will do. */
  pending: TextChange[] | null;
  timer: NodeJS.Timeout | null;
  /** Whether `analysis.syntax` parsed without errors (the incremental path needs that). */
  clean: boolean;
}

/** Display path of a URI. */
export function pathOfUri(uri: string): string {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
  } catch {
    return uri;
  }
}

/** The store; `onAnalysed` publishes diagnostics for a fresh analysis. */
export class DocumentStore {
  private readonly docs = new Map<string, OpenDocument>();
  /** Duration of the last analysis (ms), which sets the adaptive debounce delay. */
  private lastMs = 0;

  constructor(
    private readonly env: ServerEnv,
    private readonly onAnalysed: (d: OpenDocument) => void,
    private readonly debounceMs: number | null,
  ) {}

  get(uri: string): OpenDocument | undefined {
    return this.docs.get(uri);
  }

  open(uri: string, version: number, text: string): void {
    const path = pathOfUri(uri);
    const doc = TextDocument.create(uri, 'pipeline', version, text);
    const analysis = this.run(path, text);
    const d: OpenDocument = { uri, path, doc, analysis, pending: [], timer: null, clean: !hasErrors(analysis.diagnostics.filter((x) => x.code.startsWith('PC0'))) };
    this.docs.set(uri, d);
    this.onAnalysed(d);
  }

  close(uri: string): void {
    const d = this.docs.get(uri);
    if (d?.timer) clearTimeout(d.timer);
    this.docs.delete(uri);
  }

  /** Apply the client's changes and schedule an analysis. */
  change(uri: string, version: number, changes: readonly TextDocumentContentChangeEvent[]): void {
    const d = this.docs.get(uri);
    if (!d) return;
    for (const c of changes) {
      if ('range' in c && d.pending) d.pending.push({ start: d.doc.offsetAt(c.range.start), end: d.doc.offsetAt(c.range.end), text: c.text });
      else d.pending = null;
      d.doc = TextDocument.update(d.doc, [c], version);
    }
    if (d.timer) clearTimeout(d.timer);
    // Adaptive debounce: a check that costs little runs at once (edits already queued are still coalesced);
    // an expensive one (a huge spec) waits a quarter of its cost, at most 50 ms, so a burst is checked once.
    const delay = this.debounceMs ?? (this.lastMs < 20 ? 0 : Math.min(50, Math.round(this.lastMs / 4)));
    d.timer = setTimeout(() => {
      try {
        this.flush(d);
      } catch (err) {
        // A bug in a feature must not end the session; stderr is the client's log, not the protocol.
        process.stderr.write(`pipec lsp: analysis failed: ${(err as Error).stack ?? String(err)}\n`);
      }
    }, delay);
  }

  /** Analyse every open document again (a data file's sample became ready) and publish the results. */
  refreshAll(): void {
    for (const d of this.docs.values()) {
      if (d.timer) clearTimeout(d.timer);
      d.timer = null;
      d.analysis = this.run(d.path, d.doc.getText());
      d.clean = !d.analysis.diagnostics.some((x) => x.code.startsWith('PC0') && x.severity === 'error');
      d.pending = [];
      this.onAnalysed(d);
    }
  }

  /** Bring `d.analysis` up to the current text now (no-op when current). */
  flush(d: OpenDocument): Analysis {
    if (d.timer) clearTimeout(d.timer);
    d.timer = null;
    const text = d.doc.getText();
    if (d.analysis.text === text && d.pending?.length === 0) return d.analysis;
    let syntax = null;
    if (d.clean && d.pending && d.pending.length > 0) {
      try {
        let cur: { text: string; syntax: Analysis['syntax'] } | null = { text: d.analysis.text, syntax: d.analysis.syntax };
        for (const change of d.pending) {
          cur = cur ? reparseStatement(cur.text, cur.syntax, change) : null;
          if (!cur) break;
        }
        if (cur && cur.text === text) syntax = cur.syntax;
      } catch {
        syntax = null; // the whole parse below is the reference anyway
      }
    }
    d.analysis = this.run(d.path, text, syntax ?? undefined);
    d.clean = !d.analysis.diagnostics.some((x) => x.code.startsWith('PC0') && x.severity === 'error');
    d.pending = [];
    this.onAnalysed(d);
    return d.analysis;
  }

  private run(path: string, text: string, syntax?: Analysis['syntax']): Analysis {
    const t0 = performance.now();
    const a = analyze({ path, text }, (name) => this.env.loadLibrary(name), syntax, this.env.readData);
    this.lastMs = performance.now() - t0;
    return a;
  }
}
