/**
 * Validation against the official SARIF 2.1.0 JSON schema (2.1.0-rtm.5, the revision GitHub code
 * scanning accepts), as shipped by the pinned devDependency @microsoft/jest-sarif. The schema is
 * draft-04, hence ajv-draft-04.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import type { ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);
const sarifSchema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));

// A CommonJS package: under NodeNext its class is the `default` property of the default import.
type AjvClass = new (opts: object) => { compile(schema: object): ValidateFunction };
const Ajv = ((AjvDraft04 as unknown as { default?: AjvClass }).default ?? AjvDraft04) as unknown as AjvClass;
// The schema's language-tag pattern is not a valid regular expression with the `u` flag.
const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(sarifSchema);

/** Schema violations of a SARIF log as `path message` strings; empty when valid. */
export function validateSarif(log: unknown): string[] {
  return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
