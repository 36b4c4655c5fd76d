/**
 * The language catalogue: the one place where models, frameworks, metrics, limit defaults, compute facts, formula
 * functions, operator precedence and quantity units are declared. Everything else (IR schema enums, checks, lowering, emitters, LSP, docs and,
 * through `config.CATALOGUE`, the generated Python) derives from it. It imports nothing of pipec.
 */
export * from './frameworks.js';
export * from './models.js';
export * from './metrics.js';
export * from './limits.js';
export * from './formula.js';
export * from './operators.js';
export * from './units.js';
export * from './compute.js';
export * from './budgets.js';
