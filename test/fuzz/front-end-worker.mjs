// Worker thread for the fuzz test: runs checkSpec (bundled by the test) on texts it is sent, so the
// test can terminate it if a mutated spec ever makes the front end loop forever (a synchronous loop
// in the test's own thread could never be interrupted and would stall CI instead of failing).
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';

const { checkSpec, memoryLoader, formatSpec } = await import(pathToFileURL(workerData.bundle).href);
const loadLibrary = memoryLoader(workerData.stdlib);

parentPort.on('message', ({ id, path, text }) => {
  const t0 = performance.now();
  try {
    const result = checkSpec({ path, text }, { loadLibrary });
    const ms = performance.now() - t0;
    // The formatter must also survive any input, and formatting its own output must change nothing.
    const formatted = formatSpec(text, path).text;
    const reformatted = formatted === null ? null : formatSpec(formatted, path).text;
    parentPort.postMessage({ id, diagnostics: result.diagnostics, ms, formatted, reformatted });
  } catch (err) {
    parentPort.postMessage({ id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
parentPort.postMessage({ ready: true });
