import { canonicalJson, type HashText } from '../canonical-json';
import {
  ballotReceipt,
  tallyVote,
  type Ballot,
  type CurrentBallots,
  type RankedChoiceRound,
  type Standing,
  type Vote,
} from '../voting';
import { entryHash, GENESIS_HASH, type ChainLink, type DecisionLogEntry } from './decision-chain';
import type { Decision } from './decision-types';
import { isVoteDecision } from './logged-decision';

/** What the store holds about the vote behind a decision, read back for verification (L-6). */
export type StoredVoteRecord = {
  readonly vote: Vote;
  /** The ballots the close counted: member → castAt; null for votes closed before it was recorded. */
  readonly counted: Readonly<Record<string, string>> | null;
  /** Each member's current ballot. */
  readonly current: CurrentBallots;
  /** Every ballot ever cast in the vote (the current ones included), as kept in the history. */
  readonly history: readonly Ballot[];
};

export type VerifyDecisionLogInput = {
  readonly teamId: string;
  /** The log as stored, oldest first. */
  readonly entries: readonly DecisionLogEntry[];
  /** The votes the decisions name, by vote id; a missing vote is reported. */
  readonly votes: ReadonlyMap<string, StoredVoteRecord>;
  /** Hashes (or their first 8+ hex digits) of entries noted earlier, e.g. a head printed by a previous run. */
  readonly knownHashes?: readonly string[];
};

/** What can be wrong with a log: its chain (L-4, L-5) or a decision's tally (L-6). */
export type LogIssueKind =
  | 'edited'
  | 'broken-link'
  | 'deleted'
  | 'inserted'
  | 'reordered'
  | 'rewritten'
  | 'foreign'
  | 'malformed'
  | 'vote-missing'
  | 'ballot-missing'
  | 'ballot-edited'
  | 'tally-mismatch';

export type LogIssue = {
  readonly kind: LogIssueKind;
  readonly rule: 'L-4' | 'L-5' | 'L-6';
  /** The chain position concerned, when there is one. */
  readonly sequence: number | null;
  readonly decisionId: string | null;
  readonly message: string;
};

/** One decision as the verifier saw it, with the receipts of the ballots its tally counts (L-7). */
export type CheckedDecision = {
  readonly decisionId: string;
  readonly title: string;
  readonly decidedAt: string;
  readonly sequence: number | null;
  /** Sorted receipts of the counted ballots; empty when the vote could not be read. */
  readonly receipts: readonly string[];
};

export type DecisionLogReport = {
  readonly teamId: string;
  /** No issue found: the chain links up and every tally recomputes to what the decision records. */
  readonly intact: boolean;
  readonly chained: number;
  /** Entries written before the log was chained: read as usual, but not protected by the chain (L-4). */
  readonly unchained: number;
  readonly head: ChainLink | null;
  readonly decisions: readonly CheckedDecision[];
  readonly issues: readonly LogIssue[];
};

/** Recomputes a team's hash chain and each decision's tally from its stored ballots (L-4..L-7). */
export function verifyDecisionLog(input: VerifyDecisionLogInput, hash: HashText): DecisionLogReport {
  const issues: LogIssue[] = [];
  const chained = input.entries.filter(isChained);
  issues.push(...chainIssues(input.entries, chained, hash));
  for (const entry of input.entries) {
    if (entry.decision.teamId !== input.teamId) {
      issues.push({
        kind: 'foreign',
        rule: 'L-5',
        sequence: entry.chain?.sequence ?? null,
        decisionId: entry.decision.id,
        message: `${label(entry)} belongs to team "${entry.decision.teamId}", not to this team`,
      });
    }
  }
  const decisions = input.entries.map((entry) => {
    const checked = checkTally(entry, input.votes, hash);
    issues.push(...checked.issues);
    return {
      decisionId: entry.decision.id,
      title: entry.decision.title,
      decidedAt: entry.decision.decidedAt,
      sequence: entry.chain?.sequence ?? null,
      receipts: checked.receipts,
    };
  });
  for (const known of input.knownHashes ?? []) {
    const wanted = known.trim().toLowerCase();
    if (wanted.length < 8 || !chained.some((entry) => entry.chain.hash.startsWith(wanted))) {
      issues.push({
        kind: 'rewritten',
        rule: 'L-5',
        sequence: null,
        decisionId: null,
        message: `no entry has the hash ${known} noted earlier: the log was rewritten (or the hash is too short)`,
      });
    }
  }
  let head: ChainLink | null = null;
  for (const entry of chained) if (head === null || entry.chain.sequence > head.sequence) head = entry.chain;
  return {
    teamId: input.teamId,
    intact: issues.length === 0,
    chained: chained.length,
    unchained: input.entries.length - chained.length,
    head,
    decisions,
    issues,
  };
}

type ChainedEntry = DecisionLogEntry & { readonly chain: ChainLink };

const isChained = (entry: DecisionLogEntry): entry is ChainedEntry => entry.chain !== null;

function label(entry: DecisionLogEntry): string {
  const where = entry.chain ? `#${entry.chain.sequence}` : 'unchained entry';
  return `${where} (${entry.decision.id}, "${entry.decision.title}")`;
}

function chainIssues(
  entries: readonly DecisionLogEntry[],
  chained: readonly ChainedEntry[],
  hash: HashText,
): LogIssue[] {
  const issues: LogIssue[] = [];
  const issue = (
    kind: LogIssueKind,
    entry: DecisionLogEntry | null,
    message: string,
    rule: LogIssue['rule'] = 'L-5',
  ) =>
    issues.push({
      kind,
      rule,
      sequence: entry?.chain?.sequence ?? null,
      decisionId: entry?.decision.id ?? null,
      message,
    });

  // L-4: the unchained entries are older data; one stored among the chained, or dated after the chain began, was slipped in.
  const first = chained[0];
  let seenChained = false;
  for (const entry of entries) {
    if (entry.chain) {
      seenChained = true;
      continue;
    }
    const datedAfter = first !== undefined && entry.decision.decidedAt > first.decision.decidedAt;
    if (seenChained || datedAfter) {
      issue(
        'inserted',
        entry,
        `${label(entry)} has no chain link but was added after the chain began`,
        'L-4',
      );
    }
  }

  const wellFormed = chained.filter((entry) => {
    const { sequence } = entry.chain;
    if (Number.isInteger(sequence) && sequence >= 1) return true;
    issue('malformed', entry, `${label(entry)} has an invalid sequence number`);
    return false;
  });

  for (const entry of wellFormed) {
    if (entryHash(entry, hash) !== entry.chain.hash) {
      issue(
        'edited',
        entry,
        `${label(entry)} no longer matches its hash: it was edited after it was appended`,
      );
    }
  }

  for (let index = 1; index < wellFormed.length; index += 1) {
    const before = wellFormed[index - 1] as ChainedEntry;
    const entry = wellFormed[index] as ChainedEntry;
    if (entry.chain.sequence < before.chain.sequence) {
      issue(
        'reordered',
        entry,
        `#${entry.chain.sequence} is stored after #${before.chain.sequence}: entries were moved out of order`,
      );
    }
  }

  const bySequence = [...wellFormed].sort((a, b) => a.chain.sequence - b.chain.sequence);
  let previous: ChainedEntry | null = null;
  for (const entry of bySequence) {
    const { sequence, previousHash } = entry.chain;
    if (previous !== null && sequence === previous.chain.sequence) {
      issue(
        'inserted',
        entry,
        `${label(entry)} and ${label(previous)} both claim #${sequence}: one of them was inserted`,
      );
      continue;
    }
    const expected = previous === null ? 1 : previous.chain.sequence + 1;
    if (sequence > expected) {
      const missing = sequence - 1 === expected ? `#${expected} is` : `#${expected}..#${sequence - 1} are`;
      issue('deleted', entry, `${missing} missing before ${label(entry)}: deleted from the log`);
    } else {
      const wanted = previous === null ? GENESIS_HASH : previous.chain.hash;
      if (previousHash !== wanted) {
        const before = previous === null ? 'the start of the chain' : label(previous);
        issue(
          'broken-link',
          entry,
          `${label(entry)} does not link to ${before}: an entry before it was replaced, inserted or re-hashed`,
        );
      }
    }
    previous = entry;
  }
  return issues;
}

// L-6: the ballots the close counted, each from the current row when it is still that ballot, else from the history.
function countedBallots(
  record: StoredVoteRecord,
  closedAt: string,
): { ballots: Map<string, Ballot>; problems: Array<{ kind: LogIssueKind; message: string }> } {
  const ballots = new Map<string, Ballot>();
  const problems: Array<{ kind: LogIssueKind; message: string }> = [];
  if (record.counted === null) {
    for (const [memberId, ballot] of record.current)
      if (ballot.castAt <= closedAt) ballots.set(memberId, ballot);
    return { ballots, problems };
  }
  for (const [memberId, castAt] of Object.entries(record.counted).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  )) {
    const current = record.current.get(memberId);
    const kept = record.history.find((b) => b.memberId === memberId && b.castAt === castAt);
    if (current && current.castAt === castAt) {
      if (kept && canonicalJson(kept) !== canonicalJson(current)) {
        problems.push({
          kind: 'ballot-edited',
          message: `the current ballot of ${memberId} (cast ${castAt}) differs from the copy kept in the ballot history`,
        });
      }
      ballots.set(memberId, current);
    } else if (kept) {
      ballots.set(memberId, kept);
    } else {
      problems.push({
        kind: 'ballot-missing',
        message: `the ballot ${memberId} cast at ${castAt} is no longer stored`,
      });
    }
  }
  return { ballots, problems };
}

function checkTally(
  entry: DecisionLogEntry,
  votes: ReadonlyMap<string, StoredVoteRecord>,
  hash: HashText,
): { issues: LogIssue[]; receipts: string[] } {
  const { decision } = entry;
  const issues: LogIssue[] = [];
  // L-8: a release or the end of a priority was not voted on: its chain link is all there is to check.
  if (!isVoteDecision(decision)) return { issues, receipts: [] };
  const issue = (kind: LogIssueKind, message: string) =>
    issues.push({
      kind,
      rule: 'L-6',
      sequence: entry.chain?.sequence ?? null,
      decisionId: decision.id,
      message,
    });
  const voteId = (decision.result as Decision['result'] | undefined)?.voteId;
  const record = voteId === undefined ? undefined : votes.get(voteId);
  if (voteId === undefined || record === undefined) {
    issue('vote-missing', `${label(entry)}: the vote ${voteId ?? '(none named)'} behind it is not stored`);
    return { issues, receipts: [] };
  }
  if (record.vote.status !== 'closed') {
    issue('tally-mismatch', `${label(entry)}: its vote ${voteId} is stored as still open`);
    return { issues, receipts: [] };
  }
  const { ballots, problems } = countedBallots(record, record.vote.closedAt);
  for (const problem of problems) issue(problem.kind, `${label(entry)}: ${problem.message}`);
  const receipts = [...ballots.values()].map((ballot) => ballotReceipt(ballot, hash)).sort();

  const tally = tallyVote(record.vote, ballots);
  const differences: string[] = [];
  if (ballots.size !== decision.turnout.voted) {
    differences.push(`ballots: recorded ${decision.turnout.voted}, stored ${ballots.size}`);
  }
  if (canonicalJson(tally.standings) !== canonicalJson(decision.result.standings)) {
    differences.push(
      `standings: recorded ${standingsText(decision.result.standings)}; recomputed ${standingsText(tally.standings)}`,
    );
  }
  if (
    tally.method === 'ranked-choice' &&
    canonicalJson(tally.rounds) !== canonicalJson(decision.result.rounds)
  ) {
    differences.push(
      `rounds: recorded ${roundsText(decision.result.rounds)}; recomputed ${roundsText(tally.rounds)}`,
    );
  }
  if (differences.length > 0) {
    issue(
      'tally-mismatch',
      `${label(entry)}: the stored ballots do not give the recorded result (${differences.join(' · ')})`,
    );
  }
  return { issues, receipts };
}

function standingsText(standings: readonly Standing[]): string {
  return standings.map((s) => `${s.candidateId} ${s.total}`).join(', ') || 'none';
}

function roundsText(rounds: readonly RankedChoiceRound[] | null): string {
  if (rounds === null) return 'none';
  return rounds.map((r) => `[${r.counts.map((c) => `${c.candidateId} ${c.votes}`).join(', ')}]`).join(' ');
}
