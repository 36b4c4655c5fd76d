/**
 * Python-side checks shared by emit tests: compile every `.py`, validate every notebook, execute a
 * notebook with nbclient. Each is one Python process (cheap on a 2-core CI machine).
 */
import { describeRun, runPythonAsync, type PyRun } from './generate-project.js';

const COMPILE_ALL = `
import pathlib, sys
bad = []
files = sorted(p for p in pathlib.Path(".").rglob("*.py") if ".venv" not in p.parts)
for p in files:
    # What py_compile does, minus writing a .pyc: the byte compiler must accept the source.
    try:
        compile(p.read_bytes(), str(p), "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as e:
        bad.append(f"{p}: {e}")
print(f"compiled {len(files)} files")
if bad:
    print("\\n".join(bad)); sys.exit(1)
`;

const VALIDATE_NOTEBOOKS = `
import pathlib, sys, nbformat
bad = []
files = sorted(pathlib.Path(".").rglob("*.ipynb"))
for p in files:
    try:
        nb = nbformat.read(p, as_version=4)
        nbformat.validate(nb)
        assert nb.nbformat == 4 and nb.nbformat_minor == 5, "not nbformat 4.5"
        assert all(c.get("id") for c in nb.cells), "cell without id"
    except Exception as e:
        bad.append(f"{p}: {e}")
print(f"validated {len(files)} notebooks")
if bad:
    print("\\n".join(bad)); sys.exit(1)
`;

const EXECUTE_NOTEBOOK = `
import json, sys, nbformat
from nbclient import NotebookClient
path = sys.argv[1]
nb = nbformat.read(path, as_version=4)
NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": "."}}).execute()
outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
print(json.dumps({
    "cells": len(nb.cells),
    "errors": [o.get("ename") for o in outputs if o.get("output_type") == "error"],
    "images": sum(1 for o in outputs if "image/png" in o.get("data", {})),
}))
`;

/** `py_compile` on every `.py` under the project; returns the run (status 0 when all parse). */
export function compileAllPython(project: string): Promise<PyRun> {
  return runPythonAsync(project, ['-c', COMPILE_ALL]);
}

/** `nbformat.validate` on every notebook; also requires nbformat 4.5 and cell ids. */
export function validateNotebooks(project: string): Promise<PyRun> {
  return runPythonAsync(project, ['-c', VALIDATE_NOTEBOOKS]);
}

/** Executes a notebook (cwd = project root) and reports cell count, error names and image count. */
export async function executeNotebook(
  project: string,
  notebook: string,
  env: Record<string, string> = {},
): Promise<{ run: PyRun; result: { cells: number; errors: string[]; images: number } | null }> {
  const run = await runPythonAsync(project, ['-c', EXECUTE_NOTEBOOK, notebook], env, 900_000);
  if (run.status !== 0) return { run, result: null };
  const last = run.stdout.trim().split('\n').pop() ?? '';
  return { run, result: JSON.parse(last) as { cells: number; errors: string[]; images: number } };
}

export { describeRun };
