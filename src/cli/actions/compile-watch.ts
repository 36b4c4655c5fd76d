/**
 * `pipec compile --watch`: compile once, then again on every save of the spec, printing the
 * diagnostics or the one-line plan summary. Saves are debounced (editors write in several steps:
 * truncate + write, or write-temp + rename), a broken spec only prints diagnostics and keeps
 * watching, and Ctrl-C stops cleanly with exit 0.
 */
import { dirname, resolve } from 'node:path';
import { compileOnce, type CompileOptions } from './compile.js';
import { reportInternalError, UsageError } from '../exit.js';

/** Quiet period after the last change event before recompiling. */
export const DEBOUNCE_MS = 150;

/** Watch until SIGINT/SIGTERM; resolves with the exit code (0). */
export async function watchCompile(spec: string, opts: CompileOptions): Promise<number> {
  const { watch } = await import('chokidar');
  const log = (s: string) => process.stdout.write(s);
  let running = false;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  const run = async (why: string) => {
    if (running) {
      again = true; // a save during a compile: run once more afterwards, never concurrently
      return;
    }
    running = true;
    try {
      log(`[pipec] ${why}: compiling ${spec}\n`);
      const code = await compileOnce(spec, { ...opts, watch: false, check: false, summary: true }, log);
      log(`[pipec] ${code === 0 ? 'done' : 'finished with problems'}; watching for changes (Ctrl-C to stop)\n`);
    } catch (e) {
      // A bug or a vanished file must not end the watch session: report and keep watching.
      if (e instanceof UsageError) log(`error: ${e.message}\n`);
      else reportInternalError(e);
    } finally {
      running = false;
      if (again) {
        again = false;
        schedule('changed during compile');
      }
    }
  };
  const schedule = (why: string) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void run(why), DEBOUNCE_MS);
  };
  // Watch the folder and filter, so a save that replaces the file (rename over it) is still seen.
  const target = resolve(spec);
  const watcher = watch(dirname(target), { ignoreInitial: true, depth: 0, awaitWriteFinish: false });
  watcher.on('all', (_event, path) => {
    if (resolve(path) === target) schedule('spec changed');
  });
  await new Promise<void>((ready) => watcher.once('ready', () => ready()));
  await run('start');
  return new Promise<number>((done) => {
    const stop = () => {
      if (timer) clearTimeout(timer);
      void watcher.close().then(() => {
        log('[pipec] stopped watching\n');
        done(0);
      });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
