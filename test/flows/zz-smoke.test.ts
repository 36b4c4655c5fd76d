import { test } from 'vitest';
import { fixtureIr } from './fixture-ir.js';
import { renderFlows, standInProject, writeProject } from './helpers.js';
test('smoke', () => {
  const ir = fixtureIr({ withCustom: true });
  const others = standInProject(ir);
  const dir = writeProject([...others, ...renderFlows(ir, others)], '/tmp/flowscratch/proj');
  console.log(dir);
});
