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
 * Wave 0 gives each member a ranking (rotated by the member's place, so the candidates share the first
 * choices); each later wave rotates it once more, so every member changes their ballot.
 */
export function rankingFor(candidateIds: readonly string[], member: number, wave: number): string[] {
  return candidateIds.map((_, place) => candidateIds[(member + wave + place) % candidateIds.length] ?? '');
}

/**
 * Every member submits `waves` ballots in turn (`ballot.submit` on the shared card), `concurrency` at a
 * time: wave 0 of round 0 is every member's first ballot, every later wave a changed one.
 */
export async function submitBallots(options: {
  bot: BotEndpoint;
  team: TeamContext;
  members: readonly TestUser[];
  vote: VoteOnCard;
  round: number;
  waves: number;
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
  // Task k is member k mod N's ballot of wave k div N: a member's ballots are N tasks apart, never in
  // flight together while the concurrency is below N.
  await runPool(members.length * options.waves, options.concurrency, async (task) => {
    const index = task % members.length;
    const wave = options.round * options.waves + Math.floor(task / members.length);
    const data: Record<string, unknown> = { voteId: vote.voteId };
    rankingFor(vote.candidateIds, index, wave).forEach((id, place) => {
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
