#!/usr/bin/env node
// Benchmark of `pipec lsp` (issue 13), driven over stdio by a real JSON-RPC client as an editor does.
// Prints, side by side with the goals:
//   - diagnostics latency: didChange of a one-character edit of the example → its publishDiagnostics;
//   - completion latency: a completion request inside `require` (facts with units);
//   - a 10k-statement spec (the one of bench/check.mjs) re-checked after a one-character edit;
//   - the server's resident memory after 1,000 edits of the example (and before them), before the 10k spec is opened.
// The server runs with its default (adaptive) debounce, as shipped.
// The figures depend on the machine's load: bench/.results has none of them; run it on a quiet machine.
// Usage: node bench/lsp.mjs [--edits 1000] [--no-build]
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pidusage from 'pidusage';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const EDITS = Number(arg('--edits', '1000'));
if (!process.argv.includes('--no-build')) spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (x) => `${x.toFixed(1)} ms`;
const verdict = (value, goal) => (value <= goal ? 'met' : 'MISSED');
const positionOf = (text, offset) => {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
};

// The server and a client connection.
const child = spawn(process.execPath, [join(root, 'bin/pipec.js'), 'lsp', '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
const waiting = new Map();
conn.onNotification('textDocument/publishDiagnostics', (p) => {
  const w = waiting.get(`${p.uri}@${p.version}`);
  if (w) {
    waiting.delete(`${p.uri}@${p.version}`);
    w(p);
  }
});
conn.listen();
await conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: {} });
conn.sendNotification('initialized', {});
const published = (uri, version) => new Promise((r) => waiting.set(`${uri}@${version}`, r));

/** An open document: edit it and time until its diagnostics for that version arrive. */
async function openDoc(uri, text) {
  const doc = { uri, text, version: 1 };
  const first = published(uri, 1);
  conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'pipeline', version: 1, text } });
  await first;
  doc.edit = async (start, end, insert) => {
    doc.version++;
    const done = published(uri, doc.version);
    const t0 = performance.now();
    conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: doc.version },
      contentChanges: [{ range: { start: positionOf(doc.text, start), end: positionOf(doc.text, end) }, text: insert }],
    });
    doc.text = doc.text.slice(0, start) + insert + doc.text.slice(end);
    const p = await done;
    return { ms: performance.now() - t0, diagnostics: p.diagnostics };
  };
  return doc;
}

/** Flip the digit right after the first `needle` in the document between 1 and 2 (a one-character edit). */
const flip = (doc, needle) => {
  const found = doc.text.indexOf(needle);
  if (found < 0) throw new Error(`${needle} not in the document`);
  const at = found + needle.length;
  return doc.edit(at, at + 1, doc.text[at] === '1' ? '2' : '1');
};

console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
const example = readFileSync(join(root, 'examples/credit-risk/project.pipeline'), 'utf8');
const uri = pathToFileURL(join(root, 'examples/credit-risk/project.pipeline')).href;
const doc = await openDoc(uri, example);
const rss0 = (await pidusage(child.pid)).memory;

// 1. Diagnostics latency on the example.
for (let i = 0; i < 20; i++) await flip(doc, 'seed 4'); // warm-up
const lat = [];
for (let i = 0; i < 100; i++) lat.push((await flip(doc, 'seed 4')).ms);
console.log(`\ndiagnostics after a one-character edit of the example (100 edits)`);
console.log(`  median ${ms(pct(lat, 50))}  p95 ${ms(pct(lat, 95))}  goal <= 20 ms: ${verdict(pct(lat, 50), 20)}`);

// 2. Completion latency inside `require`.
const reqAt = doc.text.indexOf('      require metric.roc_auc');
await doc.edit(reqAt, reqAt, '      require \n');
const position = positionOf(doc.text, reqAt + '      require '.length);
const comp = [];
let items = 0;
for (let i = 0; i < 220; i++) {
  const t0 = performance.now();
  const r = await conn.sendRequest('textDocument/completion', { textDocument: { uri }, position });
  if (i >= 20) comp.push(performance.now() - t0);
  items = r.length;
}
await doc.edit(reqAt, reqAt + '      require \n'.length, '');
console.log(`\ncompletion of fact names inside \`require\` (200 requests, ${items} items each)`);
console.log(`  median ${ms(pct(comp, 50))}  p95 ${ms(pct(comp, 95))}  goal <= 10 ms: ${verdict(pct(comp, 50), 10)}`);

// 3. Memory after many edits of the example.
for (let i = 0; i < EDITS; i++) await flip(doc, i % 3 === 0 ? 'seed 4' : i % 3 === 1 ? 'rows 100_00' : 'budget 4');
global.gc?.();
const rss1 = (await pidusage(child.pid)).memory;
console.log(`\nserver resident memory: ${(rss0 / 2 ** 20).toFixed(1)} MiB after opening the example, ${(rss1 / 2 ** 20).toFixed(1)} MiB after ${EDITS} more edits`);
console.log(`  goal <= 150 MB: ${verdict(rss1 / 1e6, 150)}`);


// 4. A 10k-statement spec (as bench/check.mjs builds it), one-character edits.
const cols = 5000;
const big = example
  .replace('    rows 100_000\n', `    rows 100_000\n${Array.from({ length: cols }, (_, k) => `    column c${k} float uniform(0, 1)`).join('\n')}\n`)
  .replace('  features {\n', `  features {\n${Array.from({ length: cols }, (_, k) => `    derive d${k} = c${k} * 2 + credit_limit / 1000`).join('\n')}\n`);
const bigUri = pathToFileURL(join(root, 'bench/.results/big-10k.pipeline')).href;
const t0 = performance.now();
const bigDoc = await openDoc(bigUri, big);
const openMs = performance.now() - t0;
const bigLat = [];
for (let i = 0; i < 12; i++) {
  const r = await flip(bigDoc, i % 2 ? 'derive d2500 = c2500 * ' : 'column c4321 float uniform(0, ');
  if (i >= 2) bigLat.push(r.ms);
}
const statements = big.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#') && l.trim() !== '}').length;
console.log(`\n${statements}-statement spec (${(big.length / 1024).toFixed(0)} KiB): open ${ms(openMs)} (whole parse and check)`);
console.log(`  re-check after a one-character edit: median ${ms(pct(bigLat, 50))}  max ${ms(Math.max(...bigLat))}  goal <= 300 ms: ${verdict(pct(bigLat, 50), 300)}`);
conn.sendNotification('textDocument/didClose', { textDocument: { uri: bigUri } });
const rss2 = (await pidusage(child.pid)).memory;
console.log(`  server resident memory with the 10k spec open: ${(rss2 / 2 ** 20).toFixed(1)} MiB (not a goal; V8 keeps the pages it grew to)`);

await conn.sendRequest('shutdown');
conn.sendNotification('exit');
await new Promise((r) => child.once('exit', r));
conn.dispose();
