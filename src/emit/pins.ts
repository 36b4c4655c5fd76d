import { FRAMEWORK_PINS } from '../catalogue/index.js';

/**
 * Pinned versions of the Python packages generated code imports: the model frameworks' pins come from
 * the catalogue, the rest are listed here. They mirror python/requirements.txt (the environment pipec's
 * tests run the generated code in); a test keeps them equal.
 */
export const PINS: Readonly<Record<string, string>> = {
  ...FRAMEWORK_PINS,
  dask: '2026.8.0',
  distributed: '2026.8.0',
  fastapi: '0.165.0',
  filelock: '4.3.1',
  httpx: '0.28.1',
  ipykernel: '7.4.0',
  jsonschema: '4.26.0',
  matplotlib: '3.11.2',
  mlflow: '3.17.2',
  nbclient: '0.11.0',
  nbformat: '5.11.1',
  numpy: '2.4.6',
  pandas: '3.1.1',
  psutil: '7.2.2',
  pyarrow: '25.0.1',
  pytest: '9.2.0',
  scipy: '1.17.1',
  skops: '0.16.0',
  streamlit: '1.67.0',
  uvicorn: '0.54.0',
};

/** `name==version` lines for the given packages, sorted; throws on an unpinned name (internal bug). */
export function pinnedLines(names: readonly string[]): string[] {
  return [...new Set(names)].sort().map((n) => {
    const v = PINS[n];
    if (!v) throw new Error(`no pin for python package ${n}`);
    return `${n}==${v}`;
  });
}
