// SARIF 2.1.0 output of `slac check`, for GitHub code scanning and other SARIF viewers: one run,
// a rule descriptor per diagnostic code of the table, one result per diagnostic.

import { pathToFileURL } from 'node:url';
import { SarifBuilder, SarifResultBuilder, SarifRuleBuilder, SarifRunBuilder } from 'node-sarif-builder';
import type { Location, Region, Result } from 'sarif';
import { allDiagnostics, type Severity } from '../../language/diagnostics';
import { type FileDiagnostics, locate, type Range } from './located';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/** A file as a SARIF artifact location: relative paths stay relative to the source root, with `/`. */
function artifact(file: string): { uri: string; uriBaseId?: string } {
  const slashed = file.replace(/\\/g, '/');
  if (/^([a-zA-Z]:)?\//.test(slashed)) return { uri: pathToFileURL(file).href };
  return { uri: encodeURI(slashed), uriBaseId: '%SRCROOT%' };
}

function region(r: Range): Region {
  return { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn };
}

export function formatSarif(files: FileDiagnostics[], tool: { name: string; version: string }): string {
  const run = new SarifRunBuilder().initSimple({ toolDriverName: tool.name, toolDriverVersion: tool.version });
  for (const d of allDiagnostics()) {
    const rule = new SarifRuleBuilder().initSimple({ ruleId: d.code, shortDescriptionText: d.title, fullDescriptionText: d.explain });
    rule.rule.name = d.title.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : '')).replace(/^./, (c) => c.toUpperCase());
    rule.rule.defaultConfiguration = { level: LEVEL[d.severity] };
    rule.rule.help = { text: d.explain };
    run.addRule(rule);
  }
  for (const d of files.flatMap(locate)) {
    const result = new SarifResultBuilder().initSimple({
      level: LEVEL[d.severity],
      messageText: d.hint ? `${d.message} (hint: ${d.hint})` : d.message,
      ruleId: d.code,
      fileUri: artifact(d.file).uri,
      startLine: d.line,
      startColumn: d.column,
      endLine: d.endLine,
      endColumn: d.endColumn,
    });
    const own = artifact(d.file);
    if (own.uriBaseId) result.result.locations![0].physicalLocation!.artifactLocation!.uriBaseId = own.uriBaseId;
    if (d.related.length > 0) {
      result.result.relatedLocations = d.related.map(
        (r, id): Location => ({ id, physicalLocation: { artifactLocation: artifact(r.file), region: region(r) }, message: { text: r.message } }),
      );
    }
    run.addResult(result);
  }
  const log = new SarifBuilder();
  log.addRun(run);
  return `${log.buildSarifJsonString({ indent: true })}\n`;
}
