/**
 * Every verb registers its options here. Each `register*` only declares options; its action
 * imports the heavy module lazily. One file per verb, owned by the feature that needs it.
 */
import type { Command } from 'commander';
import { registerCheck } from './check.js';
import { registerFmt } from './fmt.js';
import { registerInspect } from './inspect.js';
import { registerGraph } from './graph.js';
import { registerExplain } from './explain.js';
import { registerCompile } from './compile.js';
import { registerPlan } from './plan.js';
import { registerRun } from './run.js';
import { registerStatus } from './status.js';
import { registerLsp } from './lsp.js';
import { registerInit } from './init.js';

export function registerCommands(program: Command): void {
  registerCheck(program);
  registerFmt(program);
  registerInspect(program);
  registerGraph(program);
  registerExplain(program);
  registerCompile(program);
  registerPlan(program);
  registerRun(program);
  registerStatus(program);
  registerLsp(program);
  registerInit(program);
}
