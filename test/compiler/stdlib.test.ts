/** The stdlib lifecycle is written in the language: it parses, shapes cleanly and declares what the language promises. */
import { describe, expect, it } from 'vitest';
import { formatSpec, parseSpec } from '../../src/grammar/index.js';
import { Reporter } from '../../src/compiler/report.js';
import { shapeLifecycle } from '../../src/compiler/shape-file.js';
import { resolveSpec } from '../../src/compiler/resolve-merge.js';
import { shapeProject } from '../../src/compiler/shape-file.js';
import { STANDARD_METRICS } from '../../src/compiler/standard.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diskLoader, REPO_ROOT } from './helpers/disk-loader.js';

const source = diskLoader()('lifecycle.domino_standard');

function lifecycle() {
  if (!source) throw new Error('stdlib/lifecycle/domino_standard.pipeline not found');
  const parsed = parseSpec(source);
  expect(parsed.diagnostics).toEqual([]);
  const rep = new Reporter();
  const lib = shapeLifecycle(parsed.syntax, rep);
  expect(rep.diagnostics).toEqual([]);
  if (!lib) throw new Error('no lifecycle');
  return lib;
}

/** Facts of the lifecycle as seen by a project of the given problem kind. */
function factsFor(problem: 'classification' | 'regression'): Map<string, string> {
  const rep = new Reporter();
  const text = `project p {\n  problem ${problem}\n  target y\n  data synthetic { rows 1 }\n}\n`;
  const project = shapeProject(parseSpec({ path: 'p.pipeline', text }).syntax, rep);
  if (!project) throw new Error('project did not shape');
  const spec = resolveSpec(project, lifecycle());
  return new Map([...spec.facts].map(([k, v]) => [k, v.fact.unit.value]));
}

describe('stdlib/lifecycle/domino_standard.pipeline', () => {
  it('defines the 8 epochs of the seed with their folders, experiments and dependencies', () => {
    const lib = lifecycle();
    expect(lib.epochs.map((e) => `${e.id.value} ${e.dir?.value} ${e.experiment?.value}`)).toEqual([
      '001 epoch001-research-analysis-planning {project}_data',
      '002 epoch002-data-wrangling {project}_data',
      '003 epoch003-exploratory-data-analysis {project}_data',
      '004 epoch004-feature-engineering {project}_data',
      '005 epoch005-model-development {project}_model',
      '006 epoch006-model-testing {project}_model',
      '007 epoch007-application-development {project}_model',
      '008 epoch008-retrospective {project}_model',
    ]);
    const after = Object.fromEntries(lib.epochs.map((e) => [e.id.value, e.after.map((a) => a.value)]));
    // The seed's required_epochs, plus 002 after 001 (planning comes first).
    expect(after).toEqual({
      '001': [], '002': ['001'], '003': ['002'], '004': ['002', '003'], '005': ['002', '003', '004'],
      '006': ['002', '003', '004', '005'], '007': ['002', '003', '004', '005', '006'],
      '008': ['001', '002', '003', '004', '005', '006', '007'],
    });
    for (const e of lib.epochs) {
      expect(e.agent?.value).toMatch(/Agent|Collaborative/);
      expect(e.deliverables.length).toBeGreaterThan(0);
      expect(e.estimate?.minutes).toBeGreaterThan(0);
      expect(['small', 'medium', 'large']).toContain(e.tier?.value);
      expect(e.gate.length).toBeGreaterThan(0);
    }
  });

  it('has default reviews, tiers and limits', () => {
    const lib = lifecycle();
    expect(lib.reviews.map((r) => r.after.value)).toEqual(['001', '003', '004', '006', '007']);
    expect(lib.tiers.map((t) => t.name.value)).toEqual(['small', 'medium', 'large']);
    expect(lib.limits?.maxFileSize?.value).toBe(50 * 1024 ** 2);
    expect(lib.limits?.maxMemory?.value).toBe(12 * 1024 ** 3);
    expect(lib.limits?.chunkRows?.value).toBe(10_000);
    expect(lib.limits?.checkpointPercent?.value).toBe(10);
    expect(lib.limits?.checkpointSeconds?.value).toBe(300);
  });

  it('declares every fact the language promises, with its unit', () => {
    const required: Record<string, string> = {
      'data.rows': 'count', 'data.columns': 'count', 'data.missing': 'percent', 'data.size': 'size',
      'data.quality_score': 'number', 'features.count': 'count', 'robustness.stability': 'percent',
      'edge_cases.passed': 'count', 'api.latency_p95': 'duration', 'api.healthy': 'bool',
      'eda.complete': 'bool', 'features.importance_computed': 'bool', 'split.test_rows': 'count',
      'model.registered': 'bool', 'app.functional': 'bool', 'retrospective.complete': 'bool',
    };
    for (const problem of ['classification', 'regression'] as const) {
      const facts = factsFor(problem);
      for (const [name, unit] of Object.entries(required)) expect([name, facts.get(name)]).toEqual([name, unit]);
      for (const m of STANDARD_METRICS[problem]) expect(facts.get(`metric.${m}`)).toBe('number');
      const other = problem === 'classification' ? 'regression' : 'classification';
      for (const m of STANDARD_METRICS[other]) expect(facts.has(`metric.${m}`)).toBe(false);
    }
  });

  it('is canonically formatted (pipec fmt leaves it unchanged)', () => {
    if (!source) throw new Error('stdlib missing');
    expect(formatSpec(source.text, source.path).text).toBe(source.text);
  });

  it('every fact it declares is documented in docs/language.md', () => {
    const doc = readFileSync(join(REPO_ROOT, 'docs/language.md'), 'utf8');
    const facts = [...factsFor('classification').keys(), ...factsFor('regression').keys()].filter((f) => !f.startsWith('metric.'));
    expect(facts.filter((f) => !doc.includes(`\`${f}\``))).toEqual([]);
  });
});
