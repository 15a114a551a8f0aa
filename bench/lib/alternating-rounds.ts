import type { TeamContext, TestUser } from '../../tests/support/activities';
import { submitBallots, type BallotRound } from './ballot-round';
import type { CpuMeter } from './cpu-meter';
import type { ForkedServer } from './forked-server';
import { measureBusyCores } from './machine-busy';
import type { VoteOnCard } from './open-vote';
import type { RawUpserts } from './raw-upserts';

/** One round, in the order they ran: raw, app, raw, …, app, raw. */
export interface RoundFigure {
  kind: 'raw' | 'app';
  /** Upserts or ballots per second. */
  perSecond: number;
  seconds: number;
  /** The machine's cores busy on average during the round, all processes together (null if unknown). */
  busyCores: number | null;
}

/** What the alternation needs: the server, its members, the raw upserts and how much of each a round does. */
export interface RoundSetting {
  bot: ForkedServer;
  members: readonly TestUser[];
  concurrency: number;
  raw: RawUpserts;
  rawCallsPerRound: number;
  /** Ballots each member submits in an app round, so that it lasts about as long as a raw round. */
  waves: number;
}

/**
 * Raw and app rounds in turn, starting and ending with a raw one, so both meet the same Azurite and the
 * same noise on the machine, each of about as many calls. The first ballot of app round 0 is every
 * member's first on `vote`, the others changed ones. CPU is measured (when a meter is given) during the
 * app rounds only.
 */
export async function alternateRounds(
  setting: RoundSetting,
  options: { team: TeamContext; vote: VoteOnCard; appRounds: number; cpu?: CpuMeter },
): Promise<{ figures: RoundFigure[]; appRounds: BallotRound[] }> {
  const { bot, members, concurrency, raw, rawCallsPerRound, waves } = setting;
  const { team, vote, cpu } = options;
  const figures: RoundFigure[] = [];
  const appRounds: BallotRound[] = [];
  const rawRound = async () => {
    const { result: seconds, busyCores } = await measureBusyCores(() => raw.round(rawCallsPerRound));
    figures.push({ kind: 'raw', perSecond: rawCallsPerRound / seconds, seconds, busyCores });
  };
  const appRound = (round: number) => submitBallots({ bot, team, members, vote, round, waves, concurrency });

  await rawRound();
  for (let round = 0; round < options.appRounds; round += 1) {
    const { result, busyCores } = await measureBusyCores(() =>
      cpu ? cpu.measure(() => appRound(round)) : appRound(round),
    );
    const ballots = members.length * waves;
    figures.push({ kind: 'app', perSecond: ballots / result.seconds, seconds: result.seconds, busyCores });
    appRounds.push(result);
    // The round's card-update tail is the app's work, and stays out of the next raw round.
    await bot.request('settle');
    await rawRound();
  }
  return { figures, appRounds };
}
