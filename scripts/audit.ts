import { spawnSync } from 'node:child_process';
import { auditVerdict } from './lib/audit-report';

// `npm run audit`: no known high or critical vulnerability in the production dependencies (issue #6).
// Exit 0 when clean, 1 on a finding; when the audit endpoint cannot be reached it says so and exits 0,
// because an offline machine can neither pass nor fail this check.
const npm = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
const verdict = auditVerdict(npm.stdout);
if (verdict.kind === 'unreachable') {
  console.warn(`npm audit: NOT CHECKED — ${verdict.reason}. Run it where the npm registry is reachable.`);
} else if (verdict.kind === 'findings') {
  for (const finding of verdict.findings)
    console.error(`npm audit: ${finding.severity} in ${finding.name} ${finding.range}`);
  process.exitCode = 1;
} else {
  console.log(`npm audit: no high or critical vulnerability (${JSON.stringify(verdict.counts)})`);
}
