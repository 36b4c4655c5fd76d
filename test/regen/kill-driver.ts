/**
 * Child process for the kill -9 test (bundled with esbuild by kill.test.ts): compiles a synthetic
 * project variant into `out` through the real writer, exactly as `pipec compile` does after emitting.
 * Usage: node driver.mjs <ir.json> <out> <variant>
 */
import { readFileSync } from 'node:fs';
import type { Ir } from '../../src/ir/schema.js';
import { epochCacheKeys } from '../../src/ir/cache-keys.js';
import { applyPlan, buildPlan } from '../../src/writer/index.js';
import { bulkFiles } from './kill-files.js';

const [irPath, out, variant] = process.argv.slice(2) as [string, string, string];
const ir = JSON.parse(readFileSync(irPath, 'utf8')) as Ir;
const files = bulkFiles(ir, variant);
const plan = buildPlan({ outDir: out, ir, files, epochKeys: epochCacheKeys(ir, files) });
applyPlan(plan);
process.stdout.write('done\n');
