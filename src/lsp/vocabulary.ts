/**
 * The statement keywords each block accepts, asked of the compiler itself rather than copied: a probe
 * spec puts an unknown statement in every block, and the compiler's PC1001 hint ("allowed here: …")
 * lists the keywords of that block. So completion follows the grammar as other engineers extend it.
 * The one-line descriptions below are documentation only; a keyword without one still completes.
 */
import { parseSpec } from '../grammar/index.js';
import { Reporter } from '../compiler/report.js';
import { shapeLifecycle, shapeProject } from '../compiler/shape-file.js';

/** Blocks whose statements complete by keyword; `file` is the top level. */
export type BlockKind = 'file' | 'project' | 'lifecycle' | 'data' | 'features' | 'models' | 'epoch' | 'gate' | 'domino' | 'limits' | 'deploy' | 'risk' | 'compute';

const PROBE = 'zzzzzzzzzzzzzzzz';
const PROJECT_PROBE = `project probe {
  ${PROBE}
  data synthetic {
    ${PROBE}
  }
  features {
    ${PROBE}
  }
  models {
    ${PROBE}
  }
  epoch 001 {
    ${PROBE}
    gate {
      ${PROBE}
    }
  }
  domino {
    ${PROBE}
  }
  limits {
    ${PROBE}
  }
  deploy {
    ${PROBE}
  }
  risk "r" {
    ${PROBE}
  }
  compute cluster dask {
    ${PROBE}
  }
}
`;
/** Line of each probe in PROJECT_PROBE → the block it is in. */
const PROBE_LINES: Record<number, BlockKind> = { 2: 'project', 4: 'data', 7: 'features', 10: 'models', 13: 'epoch', 15: 'gate', 19: 'domino', 22: 'limits', 25: 'deploy', 28: 'risk', 31: 'compute' };

let cached: ReadonlyMap<BlockKind, readonly string[]> | null = null;

/** Keywords accepted in each block, sorted. */
export function blockKeywords(): ReadonlyMap<BlockKind, readonly string[]> {
  if (cached) return cached;
  const map = new Map<BlockKind, readonly string[]>([['file', ['lifecycle', 'project']]]);
  const collect = (rep: Reporter, kindOf: (line: number) => BlockKind | undefined) => {
    for (const d of rep.diagnostics) {
      const kind = d.code === 'PC1001' && d.range ? kindOf(d.range.start.line) : undefined;
      const list = /allowed here: (.*)$/.exec(d.hint ?? '')?.[1];
      if (kind && list) map.set(kind, list.split(', ').sort());
    }
  };
  const rep = new Reporter();
  shapeProject(parseSpec({ path: 'probe', text: PROJECT_PROBE }).syntax, rep);
  collect(rep, (line) => PROBE_LINES[line]);
  const libRep = new Reporter();
  shapeLifecycle(parseSpec({ path: 'probe', text: `lifecycle probe {\n  ${PROBE}\n}\n` }).syntax, libRep);
  collect(libRep, (line) => (line === 2 ? 'lifecycle' : undefined));
  return (cached = map);
}

/** What a statement does, for hover and completion (docs/language.md has the full reference). */
export const KEYWORD_DOCS: Readonly<Record<string, string>> = {
  project: 'The spec: `project NAME { ... }`, exactly one per file.',
  lifecycle: 'A lifecycle library: epochs, facts, tiers, limits and reviews (`use lifecycle.NAME`).',
  title: 'A human title, shown in READMEs and reports.',
  objective: 'What the project is for, in one sentence.',
  problem: '`classification` or `regression`: decides the metrics, models and target kinds.',
  target: 'The column to predict (project), or its kind and generator (data block).',
  metric: 'The primary metric: gates, tuning and model choice use it.',
  use: 'Merge a lifecycle library: `use lifecycle.domino_standard` (the 8 standard epochs).',
  domino: 'The Domino platform: environment, hardware tiers, volume, git ref.',
  limits: 'Resource limits enforced by the runtime: file size, memory, chunk rows, checkpoints.',
  data: '`data synthetic { ... }` or `data file "x.csv" { ... }`: what the project trains on.',
  features: 'Derived features, encodings, scaling and the train/test split.',
  models: 'Baseline models and budgeted tuning.',
  epoch: 'An epoch of the lifecycle: `epoch NNN name { ... }` (or `epoch NNN { ... }` to extend a standard one).',
  deploy: 'The FastAPI service, the Streamlit app and model promotion.',
  review: 'A human review gate: `review after NNN "title"`.',
  risk: 'A project risk with probability, impact and mitigation.',
  rows: 'Number of synthetic rows: `rows 10_000`.',
  seed: 'Random seed of the synthetic data.',
  format: 'File format: `csv` or `parquet` (defaults to the file extension).',
  column: '`column NAME TYPE generator [clip(lo, hi)] [missing N%]`; types int, float, category, bool.',
  derive: '`derive NAME = formula` over numeric columns (functions log, exp, sqrt, abs, min, max).',
  encode: '`encode COLUMN onehot|ordinal`: every category column needs one.',
  scale: '`scale standard|minmax|robust|none`.',
  split: '`split test 20% [stratify] [seed 42]`.',
  baseline: 'Baseline models, comma separated: `baseline sklearn.logistic_regression, xgboost [within 2m each]` (a per-baseline CV time cap).',
  tune: '`tune best|MODEL budget N trials [cv N folds] [strategy halving_random|random] [within 10m]` (a time budget for the search).',
  sample: '`sample N rows` (default 50,000) or `sample off`: above N training rows, model selection runs on a stratified seeded sample; the final model is refitted on every training row. With 005 on a cluster, `sample off` selects over every training row on the cluster (xgboost.dask / lightgbm.dask candidates scored on a seeded validation split of the training partitions).',
  after: 'Epochs this one runs after: `after 007`.',
  tier: 'A logical compute tier (`small`, `medium`, `large`, or one declared in `domino`).',
  estimate: 'Expected run time and memory: `estimate 2h 4GB`.',
  deliverables: 'Files the epoch produces.',
  produces: 'Facts this epoch records: `produces drift_checks: count`.',
  fact: '`fact NAME UNIT "description"`: a fact the epoch records (libraries).',
  gate: 'The handoff gate: `require` rules checked when the epoch finishes.',
  require: '`require FACT OP VALUE ["why"]`: a gate rule over a fact, in the fact\'s unit.',
  timeout: 'Maximum run time of the epoch: `timeout 2h`.',
  retries: 'How often a failed run is retried.',
  dir: 'Folder of the epoch in the generated project.',
  agent: 'The agent role that owns the epoch.',
  experiment: 'MLflow experiment name template (`{project}` is replaced).',
  metric_facts: 'The epoch records `metric.<m>` for each standard metric of the problem kind.',
  environment: 'Domino compute environment id (pin it for production).',
  git_ref: 'Git ref the Domino jobs run: a tag or commit for production.',
  volume: 'Size of the Domino volume.',
  max_file_size: 'Largest file an epoch may write (platform ceiling 50MB).',
  max_memory: 'Memory ceiling of an epoch (platform ceiling 12GB).',
  chunk_rows: 'Rows per chunk for chunked work.',
  checkpoint: '`checkpoint every 10% or 5m`: how often long work saves progress.',
  api: '`api "/predict" latency_p95 < 100ms`: the FastAPI service and its latency goal.',
  app: '`app streamlit "title"`: the Streamlit app.',
  promote: '`promote production after review`: model registry promotion.',
  probability: 'Risk probability: low, medium or high.',
  impact: 'Risk impact: low, medium or high.',
  mitigation: 'How the risk is mitigated.',
  compute: '`compute cluster dask { workers 4 worker_tier large worker_memory 8GB }` (project-wide or per epoch 002-006), or `compute local`.',
  workers: 'Dask workers of the cluster (1 to 64).',
  worker_tier: 'Logical tier each cluster worker runs on (its memory bounds worker_memory).',
  worker_memory: 'Memory limit of each cluster worker: `worker_memory 8GB`.',
};
