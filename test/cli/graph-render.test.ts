/** Graph rendering over a hand-made IR: layout, review rerouting, escaping, determinism. */
import { describe, expect, it } from 'vitest';
import { describeRule, escapeDot, escapeMermaid, renderDot, renderMermaid } from '../../src/cli/actions/graph.js';
import type { Epoch, Ir } from '../../src/ir/schema.js';
import { expectGolden } from './helpers.js';

function epoch(id: string, after: string[], extra: Partial<Epoch> = {}): Epoch {
  return {
    id,
    name: `step_${id}`,
    title: `Step ${id}`,
    dir: `epoch${id}-step`,
    agent: 'agent',
    experiment: 'demo_data',
    after,
    tier: 'small',
    estimate: { minutes: 1, memoryGb: 1 },
    deliverables: [],
    produces: [],
    gate: [],
    review: null,
    custom: false,
    timeoutSeconds: null,
    retries: 0,
    ...extra,
  };
}

/** Epochs deliberately listed out of order: the output must follow the DAG, not the input order. */
function demoIr(): Ir {
  const epochs = [
    epoch('004', ['002', '003']),
    epoch('001', []),
    epoch('003', ['001'], {
      title: 'Quality "check" <b> & #tags',
      review: { title: 'Sign-off: "data" ok?' },
      gate: [
        { id: '003:0', fact: 'data.missing', op: '<=', value: 5, unit: 'percent', message: 'm', origin: 'stdlib' },
        { id: '003:1', fact: 'api.healthy', op: '==', value: true, unit: 'bool', message: 'm', origin: 'spec' },
      ],
    }),
    epoch('002', ['001'], { gate: [{ id: '002:0', fact: 'api.latency_p95', op: '<', value: 0.1, unit: 'duration', message: 'm', origin: 'spec' }] }),
  ];
  return { project: { name: 'demo' }, epochs } as unknown as Ir;
}

describe('pipec graph rendering', () => {
  it('mermaid golden', () => {
    expectGolden('graph-demo.mmd', renderMermaid(demoIr()));
  });

  it('dot golden', () => {
    expectGolden('graph-demo.dot', renderDot(demoIr()));
  });

  it('routes edges out of a reviewed epoch through its review node', () => {
    const m = renderMermaid(demoIr());
    expect(m).toContain('  e003 --> r003\n');
    expect(m).toContain('  r003 --> e004\n');
    expect(m).not.toContain('e003 --> e004');
    expect(m).toContain('  e001 --> e002\n');
    // Nodes in topological order.
    expect(m.indexOf('e001[')).toBeLessThan(m.indexOf('e002['));
    expect(m.indexOf('e003[')).toBeLessThan(m.indexOf('e004['));
  });

  it('renders gate rules in their units', () => {
    expect(describeRule({ fact: 'data.missing', op: '<=', value: 5, unit: 'percent' })).toBe('data.missing <= 5%');
    expect(describeRule({ fact: 'api.latency_p95', op: '<', value: 0.1, unit: 'duration' })).toBe('api.latency_p95 < 100ms');
    expect(describeRule({ fact: 'run.time', op: '<=', value: 300, unit: 'duration' })).toBe('run.time <= 5m');
    expect(describeRule({ fact: 'run.time', op: '<=', value: 90, unit: 'duration' })).toBe('run.time <= 90s');
    expect(describeRule({ fact: 'data.size', op: '<', value: 52_428_800, unit: 'size' })).toBe('data.size < 50MB');
    expect(describeRule({ fact: 'data.size', op: '<', value: 1500, unit: 'size' })).toBe('data.size < 1500B');
    expect(describeRule({ fact: 'data.rows', op: '>', value: 0, unit: 'count' })).toBe('data.rows > 0');
    expect(describeRule({ fact: 'api.healthy', op: '==', value: true, unit: 'bool' })).toBe('api.healthy == true');
  });

  it('escapes labels for mermaid and dot', () => {
    expect(escapeMermaid('a "b" <c> & #d `e`\nf')).toBe('a #quot;b#quot; #lt;c#gt; #amp; #35;d #96;e#96; f');
    expect(escapeDot('a "b" \\n\nc')).toBe('a \\"b\\" \\\\n\\nc');
    const dot = renderDot(demoIr());
    expect(dot).toContain('Quality \\"check\\" <b> & #tags');
    expect(renderMermaid(demoIr())).toContain('Quality #quot;check#quot; #lt;b#gt; #amp; #35;tags');
  });
});
