/** Diagnostic codes PC1xxx-PC7xxx and PC9xxx, owned by src/compiler. See codes.ts for the conventions. */
import type { CodeInfo } from './codes.js';

export const SEMANTIC_CODES: CodeInfo[] = [];
