/** docs/ir.schema.json is generated from the zod IR schema (zod 4 toJSONSchema); UPDATE_GOLDEN=1 rewrites it. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { IrSchema } from '../../src/ir/schema.js';
import { checkSpec } from '../../src/compiler/index.js';
import { diskLoader, REPO_ROOT, repoSource } from './helpers/disk-loader.js';
import { expectGolden } from '../helpers/golden.js';

const schema = z.toJSONSchema(IrSchema, { target: 'draft-2020-12' });

describe('docs/ir.schema.json', () => {
  it('is up to date with src/ir/schema.ts', () => {
    expectGolden(join(REPO_ROOT, 'docs/ir.schema.json'), `${JSON.stringify(schema, null, 2)}\n`);
  });

  it('accepts the IR of the example and rejects a broken one', () => {
    const ir = checkSpec(repoSource('examples/credit-risk/project.pipeline'), { loadLibrary: diskLoader() }).ir;
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate(ir)).toBe(true);
    expect(validate({ ...ir, epochs: 'none' })).toBe(false);
  });
});
