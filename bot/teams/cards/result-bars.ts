// Vote results drawn with card elements: standings as bars, instant-runoff rounds, the head-to-head table and note.
import type { HeadToHead, RankedChoiceRound, Standing, VotingMethod } from '../../domain/voting';
import {
  limitList,
  numbered,
  methodUnits,
  moreLine,
  plural,
  safe,
  sectionHeading,
  subtle,
  textBlock,
  type CardElement,
  type Detail,
  type TitleOf,
} from './card-parts';

/** Standings as bars, best first, with the total underneath; long lists end with "and N more". */
export function resultBars(
  standings: readonly Standing[],
  options: { method: VotingMethod; titleOf: TitleOf; detail: Detail; ballotsCounted?: number },
): CardElement[] {
  const { method, titleOf, detail } = options;
  if (standings.length === 0) return [subtle('No ballots were counted.')];
  const top = Math.max(...standings.map((s) => s.total), 0);
  const { shown, more } = limitList(standings, detail.listMax);
  const rows = shown.map((standing) => barRow(standing, top, method, titleOf, detail));
  return [...rows, ...moreLine(more), subtle(totalText(standings, method, options.ballotsCounted))];
}

/** The instant-runoff rounds: counts, exhausted ballots, who was eliminated and the tie-break used. */
export function roundsBlock(
  rounds: readonly RankedChoiceRound[],
  titleOf: TitleOf,
  detail: Detail,
): CardElement[] {
  const { shown, more } = limitList(rounds, detail.listMax);
  const lines = shown.map((round) =>
    textBlock(roundText(round, titleOf, detail), { size: 'Small', spacing: 'Small' }),
  );
  return [...lines, ...(more > 0 ? [subtle(`and ${plural(more, 'more round')}`)] : [])];
}

/** "<X> beats every other candidate head to head but did not win the runoff", when that happened. */
export function condorcetNote(
  condorcetWinner: string | null,
  condorcetDisagrees: boolean,
  titleOf: TitleOf,
  detail: Detail,
): CardElement[] {
  if (!condorcetDisagrees || condorcetWinner === null) return [];
  return [
    textBlock(
      `${safe(titleOf(condorcetWinner), detail.titleMax)} beats every other candidate head to head but did not win the runoff`,
      { isSubtle: true, spacing: 'Small' },
    ),
  ];
}

/**
 * The head-to-head table of a ranked-choice vote, one line per pair of candidates: "A 5 – 3 B" (A ranked above B
 * on 5 ballots, B above A on 3). Pairs follow `candidateIds` (each once); long lists end with "and N more".
 * Nothing when there are fewer than two candidates or no counts.
 */
export function headToHeadBlock(
  headToHead: readonly HeadToHead[],
  candidateIds: readonly string[],
  titleOf: TitleOf,
  detail: Detail,
): CardElement[] {
  const ids = [...new Set(candidateIds)];
  if (ids.length < 2 || headToHead.length === 0) return [];
  const counts = new Map(
    headToHead.map((cell) => [pairKey(cell.candidateId, cell.opponentId), cell.preferredBy]),
  );
  const pairs: { a: string; b: string; ab: number; ba: number }[] = [];
  ids.forEach((a, i) => {
    for (const b of ids.slice(i + 1)) {
      const ab = counts.get(pairKey(a, b));
      const ba = counts.get(pairKey(b, a));
      if (ab !== undefined || ba !== undefined) pairs.push({ a, b, ab: ab ?? 0, ba: ba ?? 0 });
    }
  });
  if (pairs.length === 0) return [];
  const { shown, more } = limitList(pairs, detail.listMax);
  return [
    sectionHeading('Head to head'),
    ...shown.map(({ a, b, ab, ba }) =>
      textBlock(`${safe(titleOf(a), detail.titleMax)} ${ab} – ${ba} ${safe(titleOf(b), detail.titleMax)}`, {
        size: 'Small',
        spacing: 'Small',
      }),
    ),
    ...moreLine(more),
  ];
}

function pairKey(candidateId: string, opponentId: string): string {
  return JSON.stringify([candidateId, opponentId]);
}

function barRow(
  standing: Standing,
  top: number,
  method: VotingMethod,
  titleOf: TitleOf,
  detail: Detail,
): CardElement {
  const share = top > 0 ? Math.round((standing.total / top) * 100) : 0;
  const eliminated =
    standing.eliminatedInRound !== null ? ` (out in round ${standing.eliminatedInRound})` : '';
  const label = `${numbered(standing.place, safe(titleOf(standing.candidateId), detail.titleMax))} — ${plural(
    standing.total,
    methodUnits[method],
  )}${eliminated}`;
  return {
    type: 'Container',
    spacing: 'Small',
    items: [
      textBlock(label, { size: 'Small' }),
      {
        type: 'ColumnSet',
        spacing: 'None',
        columns: [
          {
            type: 'Column',
            width: `${Math.max(share, 1)}`,
            items: [
              { type: 'Container', style: share > 0 ? 'accent' : 'emphasis', minHeight: '10px', items: [] },
            ],
          },
          ...(share < 100 ? [{ type: 'Column', width: `${100 - share}`, items: [] }] : []),
        ],
      },
    ],
  };
}

function totalText(
  standings: readonly Standing[],
  method: VotingMethod,
  ballotsCounted: number | undefined,
): string {
  const ballots = ballotsCounted === undefined ? '' : plural(ballotsCounted, 'ballot');
  // In ranked choice a candidate's total is its last-round count, so only the ballots add up.
  if (method === 'ranked-choice')
    return ballots ? `Total: ${ballots} counted` : 'Total: final-round votes shown';
  const sum = standings.reduce((total, s) => total + s.total, 0);
  return `Total: ${plural(sum, methodUnits[method])}${ballots ? ` from ${ballots}` : ''}`;
}

function roundText(round: RankedChoiceRound, titleOf: TitleOf, detail: Detail): string {
  const { shown, more } = limitList(round.counts, detail.listMax);
  const counts = shown.map((c) => `${safe(titleOf(c.candidateId), detail.titleMax)} ${c.votes}`).join(', ');
  const parts = [
    `Round ${round.round}: ${counts}${more > 0 ? ` and ${more} more` : ''}`,
    `exhausted ballots ${round.exhausted}`,
  ];
  if (round.eliminated !== null) parts.push(`${safe(titleOf(round.eliminated), detail.titleMax)} eliminated`);
  if (round.tieBreak?.rule === 'earlier-round') {
    parts.push(`tie for fewest broken by round ${round.tieBreak.decidingRound}`);
  } else if (round.tieBreak?.rule === 'proposed-later') {
    parts.push('still tied: the later-proposed candidate was eliminated');
  }
  return parts.join(' · ');
}
