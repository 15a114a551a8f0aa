/** What `npm audit --json` answered, reduced to what the check decides on. */
export type AuditVerdict =
  | { kind: 'clean'; counts: Record<string, number> }
  | { kind: 'findings'; findings: Array<{ name: string; severity: string; range: string }> }
  | { kind: 'unreachable'; reason: string };

const BLOCKING = new Set(['high', 'critical']);

/**
 * Reads an audit report: high and critical findings block; an answer without a report (the registry's
 * audit endpoint refused or could not be reached) is not a pass, and says so.
 */
export function auditVerdict(output: string): AuditVerdict {
  let report: unknown;
  try {
    report = JSON.parse(output);
  } catch {
    return { kind: 'unreachable', reason: 'npm audit printed no JSON report' };
  }
  const record = report as {
    vulnerabilities?: Record<string, { severity?: string; range?: string }>;
    metadata?: { vulnerabilities?: Record<string, number> };
    message?: string;
  };
  if (record.vulnerabilities === undefined || record.metadata?.vulnerabilities === undefined)
    return { kind: 'unreachable', reason: record.message ?? 'npm audit answered without a report' };
  const findings = Object.entries(record.vulnerabilities)
    .filter(([, finding]) => BLOCKING.has(finding.severity ?? ''))
    .map(([name, finding]) => ({ name, severity: finding.severity ?? '', range: finding.range ?? '' }));
  return findings.length > 0
    ? { kind: 'findings', findings }
    : { kind: 'clean', counts: record.metadata.vulnerabilities };
}
