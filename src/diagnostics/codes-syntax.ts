/** Diagnostic codes PC0xxx, owned by src/grammar. See codes.ts for the conventions. */
import type { CodeInfo } from './codes.js';

export const SYNTAX_CODES: CodeInfo[] = [];
