import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { compileExample } from '../helpers/generate-project.js';
it('dump', async () => {
  const ir = await compileExample('credit-risk');
  writeFileSync('/tmp/emita/cr.ir.json', JSON.stringify(ir, null, 1));
});
