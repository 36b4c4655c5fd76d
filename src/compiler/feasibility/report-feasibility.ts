/**
 * Turning the feasibility block into diagnostics with source ranges: unreachable gates (PC5301),
 * gates within the sampling error of the limit (PC5302), data that will be sampled down to fit
 * max_file_size (PC6301), and epochs whose estimated memory passes max_memory (PC6302).
 */
import type { Feasibility, GateFeasibility } from '../../ir/feasibility-schema.js';
import type { Ir } from '../../ir/schema.js';
import { readGateRule } from '../gate-rule.js';
import type { Loc } from '../model.js';
import type { Reporter } from '../report.js';
import type { ResolvedSpec } from '../resolve-model.js';
import { formatBytes, formatCount, formatEstimate } from '../../ir/feasibility-text.js';
import { BUDGETS, CLUSTER_FIT } from '../../catalogue/index.js';
import { computeOf } from '../compute-of.js';
import { estimateClusterFit } from './cluster-fit.js';

/** The rule as the user reads it: `roc_auc >= 0.99` (metric facts without their prefix). */
function ruleText(g: GateFeasibility): string {
  const fact = g.fact.startsWith('metric.') ? g.fact.slice('metric.'.length) : g.fact;
  return `${fact} ${g.op} ${g.value}`;
}

/** What the data delivers for the gate's fact, in words. */
function deliveredText(g: GateFeasibility, f: Feasibility): string {
  const rows = `${formatCount(f.testRows ?? 0)} test rows`;
  if (g.fact.startsWith('metric.')) return `the generating formula itself scores ${formatEstimate(g.expected ?? 0, g.halfWidth)} on ${rows}`;
  if (g.fact === 'split.test_rows') return `the split gives ${rows}`;
  if (g.fact === 'data.rows') return `the data has ${formatCount(g.expected ?? 0)} rows`;
  if (g.fact === 'data.missing') return `the declared missing rates give ${g.expected}% missing values`;
  return `the data gives about ${formatEstimate(g.expected ?? 0, g.halfWidth)}`;
}

/** Where gate rule `005:2` was written (the comparison, not the whole statement). */
export function ruleLoc(spec: ResolvedSpec, id: string): Loc | null {
  const [epochId, index] = id.split(':');
  const decl = spec.epochs.find((e) => e.id === epochId)?.gate[Number(index) - 1]?.rule;
  if (!decl) return null;
  const r = readGateRule(decl.expr);
  return { file: decl.file, range: 'error' in r ? decl.range : decl.expr.range };
}

function reportGates(spec: ResolvedSpec, f: Feasibility, rep: Reporter): void {
  for (const g of f.gates) {
    if (g.verdict !== 'unreachable' && g.verdict !== 'marginal') continue;
    const at = ruleLoc(spec, g.rule);
    if (!at) continue;
    const limit = g.unit === 'count' ? formatCount(g.expected ?? 0) : String(g.expected);
    if (g.verdict === 'unreachable') {
      rep.report('PC5301', at, `${ruleText(g)} is unreachable: ${deliveredText(g, f)}`,
        g.fact.startsWith('metric.') ? `no model can beat the formula that generates the data: gate below ${limit}, or strengthen the signal in the target formula` : `gate at most ${limit}, or change the data`);
    } else {
      rep.report('PC5302', at, `${ruleText(g)} is within sampling error of the best possible: ${deliveredText(g, f)}`,
        `a perfect model would pass or fail it by chance: leave a margin below ${limit}, or use more rows`);
    }
  }
}

function reportResources(spec: ResolvedSpec, ir: Ir, f: Feasibility, rep: Reporter): void {
  const data = spec.project.data;
  const at: Loc | null = data?.rows ?? data ?? null;
  if (!at) return;
  const r = f.resources;
  if (r.rowsThatFit !== null && r.fileBytes !== null && r.rows !== null) {
    rep.report('PC6301', at,
      `${formatCount(r.rows)} rows make a data file of about ${formatBytes(r.fileBytes)}, over max_file_size ${formatBytes(r.maxFileSizeBytes)}: epoch 002 will sample it down to about ${formatCount(r.rowsThatFit)} rows`,
      `write \`rows ${formatCount(r.rowsThatFit).replace(/,/g, '_')}\` to get the data you ask for, or raise max_file_size`);
  }
  const over = Object.entries(r.peakMemoryBytes).filter(([, b]) => b > r.maxMemoryBytes);
  if (over.length > 0) {
    const [id, bytes] = over.reduce((a, b) => (b[1] > a[1] ? b : a));
    const name = ir.epochs.find((e) => e.id === id)?.name ?? id;
    rep.report('PC6302', at,
      `epoch ${id} (${name}) may need about ${formatBytes(bytes)} of memory, over max_memory ${formatBytes(r.maxMemoryBytes)}`,
      'lower rows, reduce the features, or raise max_memory with a larger hardware tier');
  }
}

/** PC6403: epoch 005's final fit on the cluster will not hold every training row on its workers. */
function reportClusterFit(spec: ResolvedSpec, ir: Ir, f: Feasibility, rep: Reporter): void {
  const fit = estimateClusterFit(ir, f.resources.rowsThatFit ?? f.resources.rows);
  const epoch = spec.epochs.find((e) => e.id === '005' && !e.custom);
  const compute = epoch ? computeOf(spec, epoch) : null;
  if (!fit || !compute || fit.fitRows >= fit.trainRows) return;
  const need = `epoch 005's final ${fit.model} fit on about ${formatCount(fit.trainRows)} training rows needs about ${formatBytes(fit.needBytes)} on each of ${fit.workers} workers, over ${Math.round(CLUSTER_FIT.targetShare * 100)}% of worker_memory ${formatBytes(fit.workerMemoryBytes)}`;
  const outcome = fit.fitRows < Math.min(BUDGETS.defaultSelectionSampleRows, fit.trainRows)
    ? 'it will stop before the fit (not even the selection sample fits)'
    : `it will train on a seeded sample of about ${formatCount(fit.fitRows)} rows`;
  const gb = Math.ceil((fit.everyRowNeedsBytes / 1024 ** 3) * 10) / 10;
  rep.report('PC6403', compute.workerMemory ?? compute, `${need}: ${outcome}`,
    `\`worker_memory ${gb}GB\` (or more workers) trains on every row; or keep the sample (recorded in the lineage)`);
}

/** Report what the feasibility block finds wrong; the caller stops before returning an IR on errors. */
export function reportFeasibility(spec: ResolvedSpec, ir: Ir, f: Feasibility, rep: Reporter): void {
  reportGates(spec, f, rep);
  reportResources(spec, ir, f, rep);
  reportClusterFit(spec, ir, f, rep);
}
