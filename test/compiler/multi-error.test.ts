/** One run reports every problem of a stage; stages stop on errors so later ones never see a broken tree. */
import { describe, expect, it } from 'vitest';
import { checkSpec, memoryLoader } from '../../src/compiler/index.js';
import { diskLoader } from './helpers/disk-loader.js';

const loader = diskLoader();
const check = (text: string) => checkSpec({ path: 'multi.pipeline', text }, { loadLibrary: loader });

describe('multiple errors', () => {
  it('reports every semantic error of a file, each at its own line', () => {
    const text = [
      'project multi {',
      '  problem classification',
      '  target  y',
      '  metric  rmse',
      '  use lifecycle.domino_standard',
      '  data synthetic {',
      '    rows 1_000',
      '    column x float uniform(5, 1)',
      '    column x int normal(0, 1)',
      '    column c category { a: 60%, b: 60% }',
      '    target y binary logistic(x + zz)',
      '  }',
      '  features {',
      '    encode c onehot',
      '    split test 0%',
      '  }',
      '  limits {',
      '    max_memory 64GB',
      '  }',
      '  epoch 009 watch {',
      '    after 012',
      '  }',
      '  review after 044 "Nobody"',
      '}',
    ].join('\n');
    const r = check(text);
    expect(r.ir).toBeNull();
    expect(r.diagnostics.map((d) => `${d.code}@${d.range?.start.line}`)).toEqual([
      'PC4002@4', 'PC3005@8', 'PC2001@9', 'PC3001@10', 'PC2002@11', 'PC3009@15', 'PC6001@18', 'PC2004@21', 'PC2005@23',
    ]);
  });

  it('reports every shape error, and the semantic findings outside the statements that failed to shape', () => {
    const r = check('project p {\n  problem clasification\n  scael standard\n  data synthetic {\n    rows\n  }\n}\n');
    // PC7003 (no lifecycle) is independent; `rows` without a value poisons the data block (no PC3004 cascade).
    expect(r.diagnostics.map((d) => d.code)).toEqual(['PC1006', 'PC7003', 'PC1008', 'PC1001', 'PC1002']);
    expect(r.ir).toBeNull();
  });

  it('an unknown problem kind does not hide an unknown model, nor invent problem-kind findings (issue 12)', () => {
    const r = check([
      'project p {', '  problem clasification', '  target y', '  metric rmse', '  use lifecycle.domino_standard',
      '  data synthetic {', '    rows 100', '    column x float uniform(0, 1)', '    target y binary logistic(x)', '  }',
      '  models {', '    baseline sklearn.logistic_regresion', '  }', '}',
    ].join('\n'));
    expect(r.diagnostics.map((d) => `${d.code}@${d.range?.start.line}`)).toEqual(['PC1008@2', 'PC2012@12']);
  });

  it('reports problems in a library with the library file name', () => {
    const broken = memoryLoader({ 'lifecycle/domino_standard.pipeline': 'lifecycle domino_standard {\n  epoch 001 x {\n    tier\n  }\n}\n' });
    const r = checkSpec({ path: 'p.pipeline', text: 'project p {\n  problem classification\n  target y\n  use lifecycle.domino_standard\n  data synthetic {\n    rows 1\n  }\n}\n' }, { loadLibrary: broken });
    expect(r.diagnostics.map((d) => `${d.code} ${d.file}:${d.range?.start.line}`)).toEqual(['PC1002 <stdlib>/lifecycle/domino_standard.pipeline:3']);
  });

  it('never throws on odd input: each stage turns it into diagnostics', () => {
    for (const text of ['', 'project', 'project p', 'project p {}', 'lifecycle x {}', 'project p {\n  epoch 0 {}\n}', '{{{', 'project p { data file 3 }']) {
      const r = check(text);
      expect(r.ir).toBeNull();
      expect(r.diagnostics.length).toBeGreaterThan(0);
    }
  });
});
