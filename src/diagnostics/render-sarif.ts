/**
 * SARIF 2.1.0 output (`pipec check --format sarif`) for code-scanning tools such as GitHub code scanning.
 * Rules come from the code registry (title, explanation, fix, default severity) and list only the codes
 * that occur, sorted, so the log is small and deterministic. Regions are 1-based with an exclusive
 * end column, which is exactly our half-open Range; columns count UTF-16 code units.
 */
import type { Log, ReportingDescriptor, Result, Location, Region } from 'sarif';
import type { Diagnostic, Range, Severity } from './types.js';
import { codeInfo, type CodeInfo } from './codes.js';

/** Where rule descriptions come from (the registry; tests pass a fixed table). */
export type RuleLookup = (code: string) => CodeInfo | undefined;

/** Schema URI written into the log (the OASIS 2.1.0 schema as published on SchemaStore). */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

const levelOf: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/** A file name as a relative URI reference: POSIX separators, each segment percent-encoded. */
export function toArtifactUri(file: string): string {
  return file
    .replace(/\\/g, '/')
    .split('/')
    .map((seg) => encodeURIComponent(seg))
    .join('/');
}

function toRegion(r: Range): Region {
  return {
    startLine: r.start.line,
    startColumn: r.start.column,
    endLine: r.end.line,
    endColumn: r.end.column,
    charOffset: r.start.offset,
    charLength: Math.max(0, r.end.offset - r.start.offset),
  };
}

function toLocation(file: string, range: Range | undefined, message?: string): Location {
  const loc: Location = {
    physicalLocation: { artifactLocation: { uri: toArtifactUri(file) }, ...(range ? { region: toRegion(range) } : {}) },
  };
  if (message !== undefined) loc.message = { text: message };
  return loc;
}

function toRule(code: string, fallback: Severity, lookup: RuleLookup): ReportingDescriptor {
  const info = lookup(code);
  if (!info) {
    // Unregistered codes are a pipec bug; still describe them so ruleIndex stays valid.
    return { id: code, shortDescription: { text: code }, defaultConfiguration: { level: levelOf[fallback] } };
  }
  return {
    id: code,
    name: info.title.replace(/[^A-Za-z0-9]+(.)?/g, (_m, ch: string | undefined) => (ch ? ch.toUpperCase() : '')),
    shortDescription: { text: info.title },
    fullDescription: { text: info.explanation },
    help: {
      text: `${info.fix}\n\nExample:\n${info.example}`,
      markdown: `${info.fix}\n\nExample:\n\n\`\`\`\n${info.example}\n\`\`\``,
    },
    defaultConfiguration: { level: levelOf[info.severity] },
  };
}

/** Build the SARIF log object for diagnostics (already sorted by the caller). */
export function toSarifLog(diags: readonly Diagnostic[], toolVersion: string, lookup: RuleLookup = codeInfo): Log {
  const codes = [...new Set(diags.map((d) => d.code))].sort();
  const rules = codes.map((code) => toRule(code, diags.find((d) => d.code === code)?.severity ?? 'error', lookup));
  const index = new Map(codes.map((c, i) => [c, i]));
  const results: Result[] = diags.map((d) => {
    const result: Result = {
      ruleId: d.code,
      ruleIndex: index.get(d.code) ?? 0,
      level: levelOf[d.severity],
      message: { text: d.hint ? `${d.message}\nhelp: ${d.hint}` : d.message },
      locations: [toLocation(d.file, d.range)],
    };
    if (d.related?.length) result.relatedLocations = d.related.map((r, i) => ({ id: i, ...toLocation(r.file, r.range, r.message) }));
    return result;
  });
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'pipec', version: toolVersion, semanticVersion: toolVersion, rules } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

/** Serialise the SARIF log: two-space indented, trailing newline. */
export function renderSarif(diags: readonly Diagnostic[], toolVersion: string, lookup: RuleLookup = codeInfo): string {
  return `${JSON.stringify(toSarifLog(diags, toolVersion, lookup), null, 2)}\n`;
}
