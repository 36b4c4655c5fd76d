import { describe, expect, it } from 'vitest';
import { renderJson, toJsonReport } from '../../src/diagnostics/render-json.js';
import { renderSarif, toArtifactUri, toSarifLog } from '../../src/diagnostics/render-sarif.js';
import { escapeGithubData, escapeGithubProperty, renderGithub, renderGithubAnnotation } from '../../src/diagnostics/render-github.js';
import { sortDiagnostics, type Diagnostic, type DiagnosticCode } from '../../src/diagnostics/types.js';
import { CODES, type CodeInfo } from '../../src/diagnostics/codes.js';
import { fixtureDiagnostics } from './render-fixtures.js';
import { expectGolden } from './helpers.js';
import { validateSarif } from './sarif-schema.js';

describe('SARIF', () => {
  const diags = sortDiagnostics(fixtureDiagnostics());

  it('validates against the official SARIF 2.1.0 schema', () => {
    expect(validateSarif(JSON.parse(renderSarif(diags, '0.1.0')))).toEqual([]);
    expect(validateSarif(JSON.parse(renderSarif([], '0.1.0')))).toEqual([]);
  });

  it('the validator rejects a broken log (the test can fail)', () => {
    const log = JSON.parse(renderSarif(diags, '0.1.0'));
    log.runs[0].results[0].level = 'fatal';
    delete log.version;
    expect(validateSarif(log).length).toBeGreaterThan(0);
  });

  it('maps severities, 1-based regions, rules and related locations', () => {
    const log = toSarifLog(diags, '0.1.0');
    const run = log.runs[0]!;
    expect(run.tool.driver.rules!.map((r) => r.id)).toEqual(['PC2001', 'PC2010', 'PC3002', 'PC3003', 'PC6006']);
    const dup = run.results!.find((r) => r.ruleId === 'PC2001')!;
    expect(run.tool.driver.rules![dup.ruleIndex!]!.id).toBe('PC2001');
    expect(dup.level).toBe('error');
    expect(dup.locations![0]!.physicalLocation!.region).toEqual({
      startLine: 6, startColumn: 10, endLine: 6, endColumn: 13, charOffset: dup.locations![0]!.physicalLocation!.region!.charOffset, charLength: 3,
    });
    expect(dup.relatedLocations![0]!.message!.text).toBe('first defined here');
    expect(dup.message.text).toBe('column "âge" is defined twice\nhelp: rename one of the two columns');
    expect(run.results!.find((r) => r.ruleId === 'PC6006')!.level).toBe('note');
    expect(run.results!.find((r) => r.ruleId === 'PC3002')!.level).toBe('warning');
  });

  it('uses the registry for rule descriptions when the code is registered', () => {
    const info = [...CODES.values()][0];
    if (!info) return; // registry still empty while the compiler lands its codes
    const d: Diagnostic = { code: info.code as DiagnosticCode, severity: info.severity, message: 'm', file: 'a.pipeline' };
    const rule = toSarifLog([d], '0.1.0').runs[0]!.tool.driver.rules![0]!;
    expect(rule.shortDescription!.text).toBe(info.title);
    expect(rule.fullDescription!.text).toBe(info.explanation);
    expect(rule.help!.text).toContain(info.fix);
    expect(validateSarif(toSarifLog([d], '0.1.0'))).toEqual([]);
  });

  it('writes file names as relative URI references', () => {
    expect(toArtifactUri('specs/my spec.pipeline')).toBe('specs/my%20spec.pipeline');
    expect(toArtifactUri('<stdlib>/lifecycle/x.pipeline')).toBe('%3Cstdlib%3E/lifecycle/x.pipeline');
    expect(toArtifactUri('a\\b.pipeline')).toBe('a/b.pipeline');
  });

  it('is golden-stable', () => {
    // A fixed rule table, so the golden file does not change whenever the registry's wording does.
    const table = (code: string): CodeInfo | undefined =>
      code === 'PC6006' ? undefined : { code, severity: 'error', title: `title of ${code}`, explanation: 'why', example: 'column a int', fix: 'how' };
    expectGolden('fixture.sarif', renderSarif(diags, '0.1.0', table));
  });
});

describe('JSON', () => {
  it('has the documented shape with every key present', () => {
    const report = toJsonReport(sortDiagnostics(fixtureDiagnostics()), 1);
    expect(report.version).toBe(1);
    expect(report.summary).toEqual({ errors: 3, warnings: 1, infos: 1, files: 1 });
    const noRange = report.diagnostics.find((d) => d.code === 'PC6006')!;
    expect(noRange).toEqual({ code: 'PC6006', severity: 'info', message: 'file has no data block', file: 'specs/demo.pipeline', range: null, hint: null, related: [] });
    for (const d of report.diagnostics) expect(Object.keys(d)).toEqual(['code', 'severity', 'message', 'file', 'range', 'hint', 'related']);
  });

  it('is golden-stable', () => {
    expectGolden('fixture.json', renderJson(sortDiagnostics(fixtureDiagnostics()), 1));
  });
});

describe('GitHub annotations', () => {
  it('escapes data: %, CR, LF', () => {
    expect(escapeGithubData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
    expect(escapeGithubData('a:b,c')).toBe('a:b,c');
  });

  it('escapes properties: also : and ,', () => {
    expect(escapeGithubProperty('C:\\x,y%\n')).toBe('C%3A\\x%2Cy%25%0A');
  });

  it('formats a single-line diagnostic with inclusive end column', () => {
    const d: Diagnostic = {
      code: 'PC2001',
      severity: 'error',
      message: 'column "a,b" is 50% off: twice',
      file: 'dir,1/x:y.pipeline',
      range: { start: { offset: 5, line: 3, column: 7 }, end: { offset: 10, line: 3, column: 12 } },
      hint: 'rename it',
    };
    expect(renderGithubAnnotation(d)).toBe(
      '::error file=dir%2C1/x%3Ay.pipeline,line=3,col=7,endLine=3,endColumn=11,title=PC2001::column "a,b" is 50%25 off: twice%0Ahelp: rename it',
    );
  });

  it('omits columns for multi-line ranges and maps info to notice', () => {
    const d: Diagnostic = {
      code: 'PC6006',
      severity: 'info',
      message: 'm',
      file: 'a.pipeline',
      range: { start: { offset: 0, line: 1, column: 4 }, end: { offset: 9, line: 2, column: 2 } },
    };
    expect(renderGithubAnnotation(d)).toBe('::notice file=a.pipeline,line=1,endLine=2,title=PC6006::m');
    expect(renderGithubAnnotation({ ...d, severity: 'warning', range: undefined })).toBe('::warning file=a.pipeline,title=PC6006::m');
  });

  it('writes one line per diagnostic', () => {
    const out = renderGithub(fixtureDiagnostics());
    expect(out.split('\n').filter(Boolean)).toHaveLength(5);
    expect(out.endsWith('\n')).toBe(true);
  });
});
