import { describe, expect, it } from 'vitest';
import { auditVerdict } from '../../scripts/lib/audit-report';

const report = (vulnerabilities: Record<string, { severity: string; range: string }>) =>
  JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities,
    metadata: { vulnerabilities: { info: 0, low: 1, moderate: 0, high: 0, critical: 0, total: 1 } },
  });

describe('auditVerdict', () => {
  it('passes a report with only low and moderate findings', () => {
    expect(auditVerdict(report({ a: { severity: 'low', range: '<1.2.0' } }))).toEqual({
      kind: 'clean',
      counts: { info: 0, low: 1, moderate: 0, high: 0, critical: 0, total: 1 },
    });
  });

  it('names every high or critical finding', () => {
    const verdict = auditVerdict(
      report({
        axios: { severity: 'high', range: '<1.8.2' },
        ws: { severity: 'critical', range: '<7.5.10' },
        semver: { severity: 'moderate', range: '<7.5.2' },
      }),
    );
    expect(verdict).toEqual({
      kind: 'findings',
      findings: [
        { name: 'axios', severity: 'high', range: '<1.8.2' },
        { name: 'ws', severity: 'critical', range: '<7.5.10' },
      ],
    });
  });

  it('never reads a refused or unreadable answer as a pass', () => {
    expect(
      auditVerdict(
        JSON.stringify({
          message:
            '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
          statusCode: 405,
        }),
      ),
    ).toEqual({
      kind: 'unreachable',
      reason: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
    });
    expect(auditVerdict('npm ERR! network')).toMatchObject({ kind: 'unreachable' });
  });
});
