import { TableClient } from '@azure/data-tables';
import { openVote } from '../../../bench/lib/open-vote';
import { runPool } from '../../../bench/lib/stats';
import type { StoredVote } from '../../../bot/app/priority-stores';
import { createTableVoteStore } from '../../../bot/storage/table-priority-stores';
import { tableKey } from '../../../bot/storage/keys';
import type { VoteCandidate } from '../../../bot/domain/voting';
import { cardAction, testUser, type TeamContext, type TestUser } from '../../support/activities';
import type { TestApp } from '../../support/app-harness';

/** A small seeded generator (mulberry32), so a storm's duplicates and rankings repeat run after run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const teamOf = (app: TestApp, slug: string): TeamContext =>
  app.team({ teamId: `19:${slug}@thread.tacv2`, teamName: `${slug} leadership` });

function membersNamed(prefix: string, count: number): TestUser[] {
  return Array.from({ length: count }, (_, index) =>
    testUser(`${prefix} ${String(index + 1).padStart(3, '0')}`),
  );
}

export interface OpenedVote {
  voteId: string;
  cardId: string;
  candidates: VoteCandidate[];
}

/** Installs the app, proposes three candidates and opens a ranked vote (the benchmark's setup), then reads the candidates back. */
async function openRankedVote(
  app: TestApp,
  team: TeamContext,
  members: TestUser[],
  connectionString: string,
): Promise<OpenedVote> {
  const { voteId, cardId } = await openVote({ url: app.baseUrl }, app.connector, team, members);
  const stored = await readVote(connectionString, app.tablePrefix, team, voteId);
  return { voteId, cardId, candidates: [...stored.vote.candidates] };
}

/** A team of `count` members named `name 001…`, on the connector's roster, with a ranked vote open. */
export async function stormTeam(
  app: TestApp,
  connectionString: string,
  options: { slug: string; name: string; count: number },
) {
  const members = membersNamed(options.name, options.count);
  app.connector.setRoster('*', members);
  const team = teamOf(app, options.slug);
  const vote = await openRankedVote(app, team, members, connectionString);
  return { members, team, vote };
}

export async function readVote(
  connectionString: string,
  tablePrefix: string,
  team: TeamContext,
  voteId: string,
): Promise<StoredVote> {
  const votes = createTableVoteStore(tableClient(connectionString, `${tablePrefix}votes`));
  const stored = await votes.get({ tenantId: team.tenantId, teamId: team.teamId }, voteId);
  if (!stored) throw new Error(`vote ${voteId} is not in storage`);
  return stored.value;
}

export function tableClient(connectionString: string, table: string): TableClient {
  return TableClient.fromConnectionString(connectionString, table, { allowInsecureConnection: true });
}

/** A ballot row as stored: `c|member` is the current ballot, `h|member|…` its history. */
export interface BallotRow {
  rowKey: string;
  memberId: string;
  ranking: string[];
  castAt: string;
}

/** Every ballot row of a vote, read straight from the table (not through the app's store). */
export async function readBallotRows(
  connectionString: string,
  tablePrefix: string,
  team: TeamContext,
  voteId: string,
): Promise<{ current: BallotRow[]; history: BallotRow[] }> {
  const client = tableClient(connectionString, `${tablePrefix}ballots`);
  const partitionKey = tableKey(team.tenantId, team.teamId, voteId);
  const current: BallotRow[] = [];
  const history: BallotRow[] = [];
  for await (const entity of client.listEntities<{ memberId: string; data: string }>({
    queryOptions: { filter: `PartitionKey eq '${partitionKey.replace(/'/g, "''")}'` },
  })) {
    const ballot = JSON.parse(entity.data) as { ranking: string[]; castAt: string };
    const row = {
      rowKey: entity.rowKey ?? '',
      memberId: entity.memberId,
      ranking: ballot.ranking,
      castAt: ballot.castAt,
    };
    (row.rowKey.startsWith('c|') ? current : history).push(row);
  }
  return { current, history };
}

/** One ballot a member submitted, and what the voter was told. */
export interface Submission {
  member: TestUser;
  round: number;
  ranking: string[];
  /** The answer showed this very ballot as recorded, with its receipt. */
  acknowledged: boolean;
  /** The answer said something went wrong (a message or an error on the card). */
  failed: boolean;
  /** How many times the invoke was delivered (2 for a redelivery). */
  deliveries: number;
  answers: string[];
}

export interface StormOptions {
  app: TestApp;
  team: TeamContext;
  vote: OpenedVote;
  members: TestUser[];
  rounds: number;
  /** Share of invokes Teams delivers twice, with the same activity id. */
  duplicateRate: number;
  random: () => number;
  /** Called before each member's round, e.g. to crash storage mid-storm. */
  beforeSubmit?: (round: number, memberIndex: number) => Promise<void> | void;
}

/** A "Your ballot: 1. …, 2. …" line as the personal card renders a ranking. */
export function ballotSummaryOf(ranking: readonly string[], candidates: readonly VoteCandidate[]): string {
  const title = (id: string) => candidates.find((candidate) => candidate.id === id)?.title ?? id;
  return ranking.map((id, index) => `${index + 1}. ${title(id)}`).join(', ');
}

const permutations = (ids: readonly string[]): string[][] =>
  ids.length <= 1
    ? [[...ids]]
    : ids.flatMap((id, index) =>
        permutations([...ids.slice(0, index), ...ids.slice(index + 1)]).map((rest) => [id, ...rest]),
      );

// Activity ids stay unique across storms in one run: only a deliberate redelivery repeats one.
let sequence = 0;

const errorSigns = [/Sorry, something went wrong/, /"color":"Attention"/, /not counted/, /try again/i];

/**
 * Every member submits `rounds` ranked ballots, one after another, all members at once; some invokes are
 * delivered twice (at the same moment or right after the first answer). Returns what each voter was told.
 */
export async function runStorm(options: StormOptions): Promise<Submission[]> {
  const { app, team, vote, members, random } = options;
  const orders = permutations(vote.candidates.map((candidate) => candidate.id));
  const submissions: Submission[] = [];
  await runPool(members.length, members.length, async (memberIndex) => {
    const member = members[memberIndex] as TestUser;
    let previous = -1;
    for (let round = 0; round < options.rounds; round += 1) {
      await options.beforeSubmit?.(round, memberIndex);
      // Each change differs from the one before, so an answer showing the previous ballot is not an acknowledgement.
      let pick = Math.floor(random() * orders.length);
      if (pick === previous) pick = (pick + 1) % orders.length;
      previous = pick;
      const ranking = orders[pick] as string[];
      const data: Record<string, unknown> = { voteId: vote.voteId };
      ranking.forEach((id, place) => (data[`rank${place + 1}`] = id));
      const activity = cardAction(team, member, 'ballot.submit', data, {
        replyToId: vote.cardId,
        id: `storm-${memberIndex}-${round}-${(sequence += 1)}`,
      });
      const duplicate = random() < options.duplicateRate;
      const together = random() < 0.5;
      const deliver = () => app.post(activity).then(describeAnswer);
      const answers = duplicate
        ? together
          ? await Promise.all([deliver(), deliver()])
          : [await deliver(), await deliver()]
        : [await deliver()];
      const shown = `Your ballot: ${ballotSummaryOf(ranking, vote.candidates)}`;
      const acknowledged = answers.some(
        (answer) =>
          answer.includes(shown) &&
          answer.includes('Receipt:') &&
          !errorSigns.some((sign) => sign.test(answer)),
      );
      submissions.push({
        member,
        round,
        ranking,
        acknowledged,
        failed: answers.some((answer) => errorSigns.some((sign) => sign.test(answer))),
        deliveries: answers.length,
        answers,
      });
    }
  });
  return submissions;
}

/** A short account of what a voter was told, for failure messages. */
export function toldVoter(submission: Submission): string {
  return `${submission.member.name} round ${submission.round} (${submission.deliveries} deliveries): ${submission.answers
    .map(
      (answer) =>
        answer.match(/HTTP \d+/)?.[0] +
        ' ' +
        (answer.match(
          /Your ballot: [^"]*|Sorry[^"]*|"color":"Attention","weight":"Bolder","text":"[^"]*"|"text":"[^"]*","wrap":true,"color":"Attention"/,
        )?.[0] ?? answer.slice(0, 160)),
    )
    .join(' | ')}`;
}

function describeAnswer(result: { status: number; body: unknown }): string {
  return `HTTP ${result.status} ${typeof result.body === 'string' ? result.body : JSON.stringify(result.body)}`;
}

/** Each member's last acknowledged ballot, in members' order. */
export function lastAcknowledged(submissions: readonly Submission[]): Map<string, Submission> {
  const last = new Map<string, Submission>();
  for (const submission of [...submissions].sort((a, b) => a.round - b.round))
    if (submission.acknowledged) last.set(submission.member.id, submission);
  return last;
}

/** Card action presses outside the storm (close, announce), answered as text. */
export async function press(
  app: TestApp,
  team: TeamContext,
  member: TestUser,
  verb: string,
  data: Record<string, unknown>,
  options: { replyToId?: string; id?: string } = {},
): Promise<string> {
  return describeAnswer(await app.post(cardAction(team, member, verb, data, options)));
}

/**
 * Which ballots land depends on timing (faults, concurrent rounds drawing from one random source), so a
 * count can end in a tie: the facilitator then chooses the winner and says how, as the close card asks.
 */
export async function chooseWinnerIfTied(
  app: TestApp,
  team: TeamContext,
  facilitator: TestUser,
  vote: { voteId: string; cardId: string },
  closedAnswer: string,
): Promise<void> {
  if (!closedAnswer.includes('Tied between')) return;
  const chosenId = /"id":"chosenId".*?"value":"([^"]+)"/.exec(closedAnswer)?.[1] ?? '';
  let resolved = '';
  for (let attempt = 0; attempt < 5; attempt += 1) {
    resolved = await press(
      app,
      team,
      facilitator,
      'vote.tiebreak',
      { voteId: vote.voteId, chosenId, tieBreakReason: 'Drawn by lot in the meeting.' },
      { replyToId: vote.cardId },
    );
    if (!/try again/i.test(resolved)) break;
  }
  if (resolved.includes('Tied between'))
    throw new Error(`the tie was not resolved: ${resolved.slice(0, 300)}`);
}
