/** Diagnostic codes PC8xxx, owned by the Domino Flows target. See codes.ts for the conventions. */
import type { CodeInfo } from './codes.js';

export const DOMINO_CODES: CodeInfo[] = [];
