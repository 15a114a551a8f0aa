import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  GENESIS_HASH,
  canonicalJson,
  chainDecision,
  decidePriority,
  headOf,
  isVoteDecision,
  verifyDecisionLog,
  type Decision,
  type DecisionLogEntry,
  type StoredVoteRecord,
} from '../../../bot/domain/decisions';
import type { PriorityClosedDecision, ReleaseDecision } from '../../../bot/domain/ownership';
import { ballotReceipt, closeVote, type Ballot, type BallotInput } from '../../../bot/domain/voting';
import { at, cast, rankedBallots, unwrap, vote } from '../factories';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A vote of team-1 closed on these ballots, its decision, and the record the store would hold of it. */
function decided(n: number, ballots: readonly BallotInput[] = rankedBallots(['A'], ['A', 'B'], ['B'])) {
  const open = vote({}, { id: `vote-${n}` });
  const current = cast(open, ballots);
  const closed = unwrap(closeVote(open, current, { now: at(60 * n), teamSize: 3, closedBy: 'fay' }));
  const { decision } = unwrap(
    decidePriority({
      vote: closed,
      decisionId: `decision-${n}`,
      priorityId: `priority-${n}`,
      rationale: `Reason ${n}`,
      concernResponses: [],
      activePriority: null,
      decidedBy: 'fay',
      now: at(60 * n + 5),
    }),
  );
  const record: StoredVoteRecord = {
    vote: closed,
    counted: Object.fromEntries([...current.values()].map((b) => [b.memberId, b.castAt])),
    current,
    history: [...current.values()],
  };
  return { decision, record };
}

/** A chained log of `count` decisions, oldest first, with the votes behind them. */
function chainedLog(count = 3) {
  const made = Array.from({ length: count }, (_, index) => decided(index + 1));
  const entries: DecisionLogEntry[] = [];
  for (const { decision } of made) entries.push(chainDecision(headOf(entries), decision, sha256));
  const votes = new Map(made.map(({ decision, record }) => [decision.result.voteId, record]));
  return { entries, votes };
}

const verify = (entries: readonly DecisionLogEntry[], votes: ReadonlyMap<string, StoredVoteRecord>) =>
  verifyDecisionLog({ teamId: 'team-1', entries, votes }, sha256);

const kinds = (report: ReturnType<typeof verify>) => report.issues.map((i) => [i.kind, i.sequence]);

/** The vote decision of an entry of the chained log built here (every entry is a vote decision). */
const voteOf = (entry: DecisionLogEntry): Decision => {
  if (!isVoteDecision(entry.decision)) throw new Error('expected a vote decision');
  return entry.decision;
};

const edit = (entry: DecisionLogEntry, change: Partial<Decision>): DecisionLogEntry => ({
  ...entry,
  decision: { ...voteOf(entry), ...change },
});

describe('chaining the decision log', () => {
  it('L-1: the first entry is #1 after genesis; each next one links to the hash of the one before', () => {
    const { entries } = chainedLog(2);
    const [first, second] = entries as [DecisionLogEntry, DecisionLogEntry];
    expect(first.chain).toEqual({
      sequence: 1,
      previousHash: GENESIS_HASH,
      hash: sha256(canonicalJson({ sequence: 1, previousHash: GENESIS_HASH, decision: first.decision })),
    });
    expect(second.chain?.sequence).toBe(2);
    expect(second.chain?.previousHash).toBe(first.chain?.hash);
    expect(second.chain?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('L-1, L-2: the hash depends on the content, not on the key order the decision was built in', () => {
    const { decision } = decided(1);
    const reordered = JSON.parse(
      JSON.stringify(Object.fromEntries(Object.entries(decision).reverse())),
    ) as Decision;
    expect(chainDecision(null, reordered, sha256).chain.hash).toBe(
      chainDecision(null, decision, sha256).chain.hash,
    );
    expect(chainDecision(null, { ...decision, rationale: 'Other' }, sha256).chain.hash).not.toBe(
      chainDecision(null, decision, sha256).chain.hash,
    );
  });

  it('L-3: the next entry chains after the highest sequence, whatever order the log is given in', () => {
    const { entries } = chainedLog(3);
    expect(headOf([...entries].reverse())).toEqual(entries[2]?.chain);
    expect(headOf([{ decision: decided(9).decision, chain: null }])).toBeNull();
  });
});

describe('verifying the decision log', () => {
  it('L-5: an intact chain verifies, with its head and the receipts of the counted ballots', () => {
    const { entries, votes } = chainedLog(3);
    const report = verify(entries, votes);
    expect(report.issues).toEqual([]);
    expect(report).toMatchObject({ intact: true, chained: 3, unchained: 0, head: entries[2]?.chain });
    const ballots = [...(votes.get('vote-1')?.current.values() ?? [])];
    expect(report.decisions[0]?.receipts).toEqual(ballots.map((b) => ballotReceipt(b, sha256)).sort());
  });

  it('L-5: an edited entry no longer matches its hash', () => {
    const { entries, votes } = chainedLog(3);
    const tampered = entries.map((e, i) => (i === 1 ? edit(e, { rationale: 'Rewritten afterwards' }) : e));
    const report = verify(tampered, votes);
    expect(report.intact).toBe(false);
    expect(kinds(report)).toEqual([['edited', 2]]);
    expect(report.issues[0]?.message).toContain('#2 (decision-2');
  });

  it('L-5: an edited entry whose hash was recomputed breaks the link of the entry after it', () => {
    const { entries, votes } = chainedLog(3);
    const [first, second, third] = entries as [DecisionLogEntry, DecisionLogEntry, DecisionLogEntry];
    const rehashed = chainDecision(first.chain, { ...voteOf(second), rationale: 'Rewritten' }, sha256);
    expect(kinds(verify([first, rehashed, third], votes))).toEqual([['broken-link', 3]]);
  });

  it('L-5: a deleted entry leaves a gap in the sequence', () => {
    const { entries, votes } = chainedLog(3);
    const report = verify([entries[0], entries[2]] as DecisionLogEntry[], votes);
    expect(kinds(report)).toEqual([['deleted', 3]]);
    expect(report.issues[0]?.message).toMatch(/#2 is missing/);
    expect(kinds(verify(entries.slice(1), votes))).toEqual([['deleted', 2]]);
  });

  it('L-5: swapped entries are reported as reordered', () => {
    const { entries, votes } = chainedLog(3);
    const report = verify([entries[0], entries[2], entries[1]] as DecisionLogEntry[], votes);
    expect(kinds(report)).toEqual([['reordered', 2]]);
    expect(report.issues[0]?.message).toBe('#2 is stored after #3: entries were moved out of order');
  });

  it('L-5: an entry inserted into the chain claims a sequence already taken and breaks the next link', () => {
    const { entries, votes } = chainedLog(3);
    const extra = decided(7);
    const inserted = chainDecision(entries[0]?.chain ?? null, extra.decision, sha256);
    const withVotes = new Map(votes).set('vote-7', extra.record);
    const report = verify([entries[0], inserted, entries[1], entries[2]] as DecisionLogEntry[], withVotes);
    expect(kinds(report)).toEqual([
      ['inserted', 2],
      ['broken-link', 3],
    ]);
  });

  it('L-5: a first entry that does not start from genesis is a broken link', () => {
    const { entries, votes } = chainedLog(1);
    const entry = entries[0] as DecisionLogEntry & { chain: NonNullable<DecisionLogEntry['chain']> };
    const forged = { ...entry, chain: { ...entry.chain, previousHash: 'f'.repeat(64) } };
    expect(kinds(verify([forged], votes))).toEqual([
      ['edited', 1],
      ['broken-link', 1],
    ]);
  });

  it('L-5: an entry of another team is reported', () => {
    const { entries, votes } = chainedLog(1);
    const report = verifyDecisionLog({ teamId: 'team-2', entries, votes }, sha256);
    expect(kinds(report)).toEqual([['foreign', 1]]);
  });

  it('L-5: a head noted earlier that is no longer in the chain shows the log was rewritten', () => {
    const { entries, votes } = chainedLog(3);
    const head = entries[2]?.chain?.hash ?? '';
    const input = { teamId: 'team-1', votes };
    expect(verifyDecisionLog({ ...input, entries, knownHashes: [head.slice(0, 12)] }, sha256).intact).toBe(
      true,
    );
    const report = verifyDecisionLog({ ...input, entries: entries.slice(0, 2), knownHashes: [head] }, sha256);
    expect(kinds(report)).toEqual([['rewritten', null]]);
  });

  it('L-4: entries written before the chain are an unchained prefix, not an error', () => {
    const legacy = [decided(1), decided(2)];
    const later = decided(3);
    const entries: DecisionLogEntry[] = [
      ...legacy.map(({ decision }) => ({ decision, chain: null })),
      chainDecision(null, later.decision, sha256),
    ];
    const votes = new Map([...legacy, later].map(({ decision, record }) => [decision.result.voteId, record]));
    const report = verify(entries, votes);
    expect(report).toMatchObject({ intact: true, chained: 1, unchained: 2, issues: [] });
    expect(report.decisions.map((d) => d.sequence)).toEqual([null, null, 1]);
  });

  it('L-4: an unchained entry dated after the chain began was inserted', () => {
    const { entries, votes } = chainedLog(2);
    const extra = decided(9);
    const report = verify(
      [{ decision: extra.decision, chain: null }, ...entries],
      new Map(votes).set('vote-9', extra.record),
    );
    expect(kinds(report)).toEqual([['inserted', null]]);
    expect(report.issues[0]?.rule).toBe('L-4');
  });

  it('L-6: a changed ballot is reported, and the tally it gives no longer matches the decision', () => {
    const { entries, votes } = chainedLog(2);
    const record = votes.get('vote-1') as StoredVoteRecord;
    const m3 = record.current.get('m3') as Ballot & { method: 'ranked-choice' };
    const current = new Map(record.current).set('m3', { ...m3, ranking: ['C'] });
    const report = verify(entries, new Map(votes).set('vote-1', { ...record, current }));
    expect(kinds(report)).toEqual([
      ['ballot-edited', 1],
      ['tally-mismatch', 1],
    ]);
    expect(report.issues[1]?.message).toContain('standings: recorded A 2, B 1');
  });

  it('L-6: a counted ballot that is gone, or a vote that is gone, is reported', () => {
    const { entries, votes } = chainedLog(2);
    const record = votes.get('vote-1') as StoredVoteRecord;
    const current = new Map(record.current);
    current.delete('m1');
    const withoutBallot = verify(entries, new Map(votes).set('vote-1', { ...record, current, history: [] }));
    expect(kinds(withoutBallot)).toEqual([
      ['ballot-missing', 1],
      ['tally-mismatch', 1],
    ]);
    const withoutVote = new Map(votes);
    withoutVote.delete('vote-2');
    expect(kinds(verify(entries, withoutVote))).toEqual([['vote-missing', 2]]);
  });

  it('L-6: a ballot cast after the close replaces the current one, and the counted copy in the history is used', () => {
    const { entries, votes } = chainedLog(1);
    const record = votes.get('vote-1') as StoredVoteRecord;
    const m1 = record.current.get('m1') as Ballot & { method: 'ranked-choice' };
    const late = { ...m1, ranking: ['C'], castAt: at(500) };
    const report = verify(
      entries,
      new Map(votes).set('vote-1', {
        ...record,
        current: new Map(record.current).set('m1', late),
        history: [...record.history, late],
      }),
    );
    expect(report.issues).toEqual([]);
  });

  it('L-6: without a record of the counted ballots, the current ballots cast before the close are tallied', () => {
    const { entries, votes } = chainedLog(1);
    const record = votes.get('vote-1') as StoredVoteRecord;
    expect(verify(entries, new Map(votes).set('vote-1', { ...record, counted: null })).intact).toBe(true);
  });

  it('G-1: verification leaves the log and the votes as they were', () => {
    const { entries, votes } = chainedLog(3);
    const before = structuredClone({
      entries,
      votes: [...votes].map(([id, r]) => [id, { ...r, current: [...r.current] }]),
    });
    verify([entries[0], entries[2], entries[1]] as DecisionLogEntry[], votes);
    expect({ entries, votes: [...votes].map(([id, r]) => [id, { ...r, current: [...r.current] }]) }).toEqual(
      before,
    );
  });

  it('L-8: releases and ended priorities chain like votes; they have no tally, and an edit to them is caught', () => {
    const { entries, votes } = chainedLog(1);
    const release: ReleaseDecision = {
      id: 'release-1',
      teamId: 'team-1',
      kind: 'release-decided',
      title: 'The weekly paper newsletter',
      releaseId: 'rl-1',
      priority: { id: 'priority-1', title: 'A' },
      proposedBy: 'bo',
      consents: 2,
      standAsides: 1,
      decidedAt: at(200),
      decidedBy: 'fay',
      supersedes: null,
    };
    const closed: PriorityClosedDecision = {
      id: 'closed-priority-1',
      teamId: 'team-1',
      kind: 'priority-completed',
      title: 'A',
      priorityId: 'priority-1',
      outcomes: 'Reading scores up',
      learned: 'Small groups worked',
      decidedAt: at(300),
      decidedBy: 'fay',
      supersedes: null,
    };
    for (const decision of [release, closed]) entries.push(chainDecision(headOf(entries), decision, sha256));
    const report = verify(entries, votes);
    expect(report.intact).toBe(true);
    expect(report.chained).toBe(3);
    expect(report.decisions.map((d) => d.receipts.length)).toEqual([3, 0, 0]);
    const [first, second, third] = entries as [DecisionLogEntry, DecisionLogEntry, DecisionLogEntry];
    const edited = { ...third, decision: { ...closed, learned: 'Nothing' } };
    expect(kinds(verify([first, second, edited], votes))).toEqual([['edited', 3]]);
  });
});
