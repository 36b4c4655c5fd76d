/** Diagnostic codes PC95xx, owned by src/writer (regeneration, `pipec compile`/`plan`). See codes.ts. */
import { c } from './code-info.js';

export const WRITER_CODES = [
  c('PC9501', 'error', 'output path leaves the output folder',
    'pipec only writes inside the folder given with --out. A generated path that would go through a symbolic link pointing outside it, or that is itself a symbolic link, is refused before anything is written.',
    'out/src -> /home/me/elsewhere   (a symlink inside --out)',
    'Replace the symbolic link with a real folder, or compile into a different --out.'),
  c('PC9502', 'error', 'unreadable manifest',
    '.pipec/manifest.json records what pipec generated last time; without it pipec cannot tell your edits from its own output. A manifest that is not valid JSON or has an unknown shape is reported instead of guessed at.',
    '.pipec/manifest.json edited by hand into invalid JSON',
    'Restore .pipec/manifest.json from version control, or delete .pipec/ and compile with --force (your edits to generated files are then overwritten).'),
  c('PC9503', 'error', 'output folder is busy',
    'Another pipec compile is writing the same output folder (its transaction folder .pipec-txn/ belongs to a running process). Two writers would mix their files, so the second one stops.',
    'pipec compile spec.pipeline --out out   (twice at the same time)',
    'Wait for the other compile to finish. If no compile is running, delete .pipec-txn/owner.pid and compile again: the interrupted transaction is then completed or rolled back.'),
  c('PC9504', 'error', 'generated project is out of date',
    '`pipec compile --check` (and `pipec plan`) found that compiling the spec would change files in the output folder: the spec changed since the last compile, a generated file still holds conflict markers, or an interrupted compile must be completed.',
    'pipec compile project.pipeline --out . --check   (after editing the spec)',
    'Run `pipec compile <spec> --out <dir>` and commit the result (resolve conflict markers first).'),
  c('PC9505', 'error', 'merge conflict with your edits',
    'A file you edited also changed in the newly generated version, and both changes touch the same lines. pipec wrote both versions between conflict markers (<<<<<<< yours / ||||||| base / ======= / >>>>>>> generated).',
    'You changed a gate threshold in run_epoch.py, and the spec changed the same threshold.',
    'Edit the file to keep the right lines, delete the markers, then run `pipec compile --check`.'),
  c('PC9506', 'error', 'invalid --set override',
    '`--set key=value` overrides one IR value after the spec is checked (for example `--set data.rows=20000`). The key must name an existing IR field (dotted path; list items by id, e.g. `epochs.005.retries`), and the result must still be a valid IR.',
    'pipec compile spec.pipeline --out out --set data.rowz=20000',
    'Use `pipec inspect <spec> --format json` to see the IR paths and their types.'),
];
