import { performance } from 'node:perf_hooks';
import { cardAction, type TeamContext, type TestUser } from '../../tests/support/activities';
import type { VoteOnCard } from './open-vote';
import { postActivity, type BotEndpoint } from './post-activity';
import { runPool } from './stats';

/** What one app round measured: every member submitting one ballot. */
export interface BallotRound {
  seconds: number;
  latenciesMs: number[];
  failures: number;
  /** The first few failures, for the report. */
  failureSamples: string[];
}

export const failureSamplesKept = 3;

/**
 * Round 0 gives each member a ranking (rotated by the member's place, so the candidates share the first
 * choices); each later round rotates it once more, so every member changes their ballot.
 */
export function rankingFor(candidateIds: readonly string[], member: number, round: number): string[] {
  return candidateIds.map((_, place) => candidateIds[(member + round + place) % candidateIds.length] ?? '');
}

/** Every member submits a ballot (`ballot.submit` on the shared card), `concurrency` at a time. */
export async function submitBallots(options: {
  bot: BotEndpoint;
  team: TeamContext;
  members: readonly TestUser[];
  vote: VoteOnCard;
  round: number;
  concurrency: number;
}): Promise<BallotRound> {
  const { bot, team, members, vote } = options;
  const latenciesMs: number[] = [];
  const failureSamples: string[] = [];
  let failures = 0;
  const fail = (sample: string) => {
    failures += 1;
    if (failureSamples.length < failureSamplesKept) failureSamples.push(sample);
  };
  const started = performance.now();
  await runPool(members.length, options.concurrency, async (index) => {
    const data: Record<string, unknown> = { voteId: vote.voteId };
    rankingFor(vote.candidateIds, index, options.round).forEach((id, place) => {
      data[`rank${place + 1}`] = id;
    });
    const activity = cardAction(team, members[index] as TestUser, 'ballot.submit', data, {
      replyToId: vote.cardId,
    });
    const sent = performance.now();
    try {
      const result = await postActivity(bot, activity);
      latenciesMs.push(performance.now() - sent);
      if (result.status !== 200 || !result.text.includes('Your ballot:'))
        fail(`HTTP ${result.status} ${result.text.slice(0, 200)}`);
    } catch (error: unknown) {
      latenciesMs.push(performance.now() - sent);
      fail(error instanceof Error ? error.message : String(error));
    }
  });
  return { seconds: (performance.now() - started) / 1000, latenciesMs, failures, failureSamples };
}
