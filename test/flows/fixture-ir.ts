/**
 * A small, valid IR shaped like the credit-risk example (the 8 standard epochs, their dependencies,
 * reviews after 003 and 006) plus an optional user-defined epoch. Used when a test must not depend on
 * the front end; tests that can compile the real spec do so through test/flows/helpers.ts.
 */
import { IrSchema, type Epoch, type Ir } from '../../src/ir/schema.js';

const STD: [string, string, string[], string][] = [
  ['001', 'research_analysis_planning', [], 'small'],
  ['002', 'data_wrangling', ['001'], 'medium'],
  ['003', 'exploratory_data_analysis', ['002'], 'small'],
  ['004', 'feature_engineering', ['002', '003'], 'medium'],
  ['005', 'model_development', ['004'], 'large'],
  ['006', 'model_testing', ['005'], 'medium'],
  ['007', 'application_development', ['006'], 'small'],
  ['008', 'retrospective', ['001', '002', '003', '004', '005', '006', '007'], 'small'],
];

function epoch(id: string, name: string, after: string[], tier: string, custom = false): Epoch {
  return {
    id,
    name,
    title: name.replace(/_/g, ' '),
    dir: `epoch${id}-${name.replace(/_/g, '-')}`,
    agent: 'agent',
    experiment: Number(id) <= 4 ? 'credit_risk_data' : 'credit_risk_model',
    after,
    tier,
    estimate: { minutes: 5, memoryGb: 1 },
    deliverables: [],
    produces: [
      { name: `fact${id}.done`, unit: 'bool', description: 'done' },
      ...(id === '002' ? [{ name: 'data.rows', unit: 'count' as const, description: 'rows' }] : []),
    ],
    gate: [],
    review: id === '003' || id === '006' ? { title: `review ${id}` } : null,
    custom,
    timeoutSeconds: id === '005' ? 3600 : null,
    retries: id === '005' ? 2 : 0,
  };
}

/** Domino environment and tiers by id (`environment id ...`, `tier x id ...`), as production specs write them. */
const BY_ID = {
  environment: '6549a5b4c7d2e1f0a9b8c7d6',
  environmentBy: 'id',
  tiers: { large: 'large-k8s', medium: 'medium-k8s', small: 'small-k8s' },
  tierIds: ['large', 'medium', 'small'],
} as const;

/** By display name (`environment "..."`, `tier x "..."`): the flow goes through run_domino_job_task. */
const BY_NAME = {
  environment: 'Domino Standard Environment Py3.11',
  environmentBy: 'name',
  tiers: { large: 'Large', medium: 'Medium', small: 'Small' },
  tierIds: [],
} as const;

/**
 * The fixture IR; `withCustom` adds `epoch 009 drift_watch { after 007 }`; `domino` chooses how the
 * environment and tiers are given (by display name unless `ids`).
 */
export function fixtureIr(opts: { withCustom?: boolean; production?: boolean; domino?: 'ids' | 'names' } = {}): Ir {
  const epochs = STD.map(([id, name, after, tier]) => epoch(id, name, after, tier));
  if (opts.withCustom) epochs.push(epoch('009', 'drift_watch', ['007'], 'small', true));
  return IrSchema.parse({
    irVersion: 1,
    project: {
      name: 'credit_risk',
      title: 'Credit "default" risk',
      objective: 'Predict defaults',
      problem: 'classification',
      metric: 'f1_score',
      metrics: ['accuracy', 'f1_score'],
      production: opts.production ?? true,
    },
    uses: ['lifecycle.domino_standard'],
    domino: {
      ...structuredClone(opts.domino === 'ids' ? BY_ID : BY_NAME),
      volumeSizeGiB: null,
      gitRef: null,
    },
    limits: { maxFileSizeBytes: 50e6, maxMemoryBytes: 12e9, chunkRows: 10000, checkpoint: { everyPercent: 10, everySeconds: 300 } },
    data: {
      kind: 'synthetic',
      rows: 100000,
      seed: 42,
      columns: [{ name: 'age', type: 'int', distribution: { kind: 'uniform', low: 18, high: 80 }, categories: null, clip: null, missing: 0 }],
      target: { name: 'default', kind: 'binary', generator: null },
    },
    features: { derives: [], encodings: [], scale: 'standard', split: { testPercent: 20, stratify: true, seed: 42 } },
    models: { baselines: [], tune: null },
    epochs,
    deploy: { api: null, app: null, promote: null },
    risks: [],
  });
}
