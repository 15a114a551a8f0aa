import {
  verifyDecisionLog,
  type DecisionLogReport,
  type HashText,
  type StoredVoteRecord,
} from '../domain/decisions';
import type { BallotBox, DecisionLog, VoteStore } from './priority-stores';
import type { TeamRef } from './team-ref';

export interface DecisionLogAuditDeps {
  decisions: DecisionLog;
  votes: VoteStore;
  ballots: BallotBox;
  hash: HashText;
}

/** Reads a team's whole decision log and the votes and ballots behind it, and verifies them (L-4..L-7). */
export async function auditDecisionLog(
  deps: DecisionLogAuditDeps,
  team: TeamRef,
  options: { knownHashes?: readonly string[] } = {},
): Promise<DecisionLogReport> {
  const entries = await deps.decisions.entries(team);
  const voteIds = new Set<string>();
  for (const { decision } of entries) {
    // Only vote decisions name a vote, and rows are validated only on the fields the app reads.
    const voteId = (decision as { result?: { voteId?: unknown } }).result?.voteId;
    if (typeof voteId === 'string') voteIds.add(voteId);
  }
  const votes = new Map<string, StoredVoteRecord>();
  for (const voteId of voteIds) {
    const stored = await deps.votes.get(team, voteId);
    if (!stored) continue;
    const [current, history] = await Promise.all([
      deps.ballots.current(team, voteId),
      deps.ballots.history(team, voteId),
    ]);
    votes.set(voteId, { vote: stored.value.vote, counted: stored.value.counted, current, history });
  }
  return verifyDecisionLog(
    {
      teamId: team.teamId,
      entries,
      votes,
      ...(options.knownHashes ? { knownHashes: options.knownHashes } : {}),
    },
    deps.hash,
  );
}

/** The report as the terminal shows it: a summary, one line per decision, then every problem found. */
export function formatDecisionLogReport(
  report: DecisionLogReport,
  team: TeamRef,
  options: { receipts?: boolean } = {},
): string {
  const lines = [`Decision log of team ${team.teamId} (tenant ${team.tenantId})`];
  lines.push(
    `  ${report.chained} chained entr${report.chained === 1 ? 'y' : 'ies'}` +
      (report.unchained > 0
        ? `, ${report.unchained} unchained (written before the log was chained; not protected by it)`
        : ''),
  );
  if (report.head) lines.push(`  head: #${report.head.sequence} ${report.head.hash}`);
  for (const decision of report.decisions) {
    const where = decision.sequence === null ? 'unchained' : `#${decision.sequence}`;
    lines.push(
      `  ${where}  ${decision.decidedAt}  ${decision.decisionId}  "${decision.title}"  ` +
        `${decision.receipts.length} ballot${decision.receipts.length === 1 ? '' : 's'}`,
    );
    if (options.receipts && decision.receipts.length > 0)
      lines.push(`      receipts: ${decision.receipts.join(' ')}`);
  }
  if (report.intact) {
    lines.push(
      'OK: every entry matches its hash and links to the one before; every tally recomputes from its ballots.',
    );
  } else {
    lines.push(`TAMPERED: ${report.issues.length} problem${report.issues.length === 1 ? '' : 's'} found`);
    for (const issue of report.issues) lines.push(`  - [${issue.rule} ${issue.kind}] ${issue.message}`);
  }
  return `${lines.join('\n')}\n`;
}
