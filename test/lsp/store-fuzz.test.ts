/**
 * Random editing sessions against the document store: whatever the edits (typing, deleting, pasting
 * lines, breaking and repairing brackets), the analysis after each flush must be exactly the analysis of
 * the whole current text — the incremental path may never drift from a full parse.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../src/lsp/analysis.js';
import { DocumentStore } from '../../src/lsp/documents.js';
import { diskLoader, REPO_ROOT } from '../compiler/helpers/disk-loader.js';

const loader = diskLoader();
const EXAMPLE = readFileSync(join(REPO_ROOT, 'examples/credit-risk/project.pipeline'), 'utf8');
const env = { loadLibrary: loader, uriOf: () => null, textOf: () => null, docsUri: null };
const URI = 'file:///fuzz/project.pipeline';

/** An edit as fractions of the text length, so it applies to whatever the text has become. */
const editArb = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  del: fc.integer({ min: 0, max: 3 }),
  text: fc.oneof(fc.constantFrom('', 'x', '1', ' ', '_', '"', '(', ')', '{', '}', '\n', '#', '%', 'MB', ', 0.5'), fc.string({ maxLength: 3 })),
});

describe('document store under random edits', () => {
  it('always equals a full analysis of the current text', () => {
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 25 }), fc.boolean(), (edits, batch) => {
        const store = new DocumentStore(env, () => {}, 0);
        store.open(URI, 1, EXAMPLE);
        const d = store.get(URI)!;
        let version = 1;
        edits.forEach((e, i) => {
          const text = d.doc.getText();
          const start = Math.floor(e.at * text.length);
          const end = Math.min(text.length, start + e.del);
          const doc = TextDocument.create(URI, 'pipeline', 0, text);
          store.change(URI, ++version, [{ range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text: e.text }]);
          // Flush after every edit, or only at the end (a burst of edits handled at once).
          if (!batch || i === edits.length - 1) {
            const got = store.flush(d);
            const want = analyze({ path: d.path, text: d.doc.getText() }, loader);
            expect(got.text).toBe(want.text);
            expect(JSON.parse(JSON.stringify(got.syntax))).toEqual(JSON.parse(JSON.stringify(want.syntax)));
            // Compared as JSON: moved positions carry a symbol stamp (incremental.ts) that is not data.
            expect(JSON.stringify(got.diagnostics)).toBe(JSON.stringify(want.diagnostics));
          }
        });
        store.close(URI);
      }),
      { numRuns: 40, seed: 13 },
    );
  });
});
