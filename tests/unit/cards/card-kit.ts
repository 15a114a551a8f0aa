// Helpers for card tests: walking card JSON, and domain objects built through the domain's own functions.
import { expect } from 'vitest';
import { createCandidate, type Candidate } from '../../../bot/domain/candidates';
import { decidePriority, type Decision, type Priority } from '../../../bot/domain/decisions';
import {
  closeVote,
  openVote,
  type BallotInput,
  type ClosedVote,
  type OpenVote,
  type OpenVoteInput,
  type VoteSettingsInput,
} from '../../../bot/domain/voting';
import type { AdaptiveCard } from '../../../bot/teams/cards/adaptive-card';
import { maxActionsPerSet } from '../../../bot/teams/cards/adaptive-card';
import { renderedStrings } from '../../support/card-text';
import { unescapedFragments } from '../../support/nasty-strings';
import { at, cast, NOW, rankedBallots, unwrap } from '../../domain/factories';

// The domain tests' factories, shared so both layers build votes the same way.
export { at, cast, NOW, rankedBallots as ranked, unwrap };

/** A JSON node of a card. */
type Node = Record<string, unknown>;

/**
 * Text a member could type to forge links, mentions, emphasis or dates,
 * short enough for a title; the full corpus runs through the app in tests/integration/nasty-strings.
 */
export const EVIL =
  '[x](javascript:alert(1)) <at>Bob</at> **bold** {{DATE(2020-01-01T00:00:00Z)}} https://evil.example';
const evilFragments = ['[x](javascript:alert(1))', '<at>Bob</at>', '**bold**'];

/** Every object in the card JSON, depth first. */
export function nodes(card: unknown): Node[] {
  const found: Node[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') {
      found.push(value as Node);
      Object.values(value).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/** Fails when any rendered string carries user Markdown, mentions or template functions unescaped. */
export function expectNoUnescapedUserText(card: unknown): void {
  for (const text of renderedStrings(card)) {
    for (const fragment of evilFragments) expect(text, `unescaped ${fragment}`).not.toContain(fragment);
    expect(unescapedFragments(text), text).toEqual([]);
  }
}

/** All actions: the card's, those of action sets in the body, and the refresh action. */
export function actionsOf(card: AdaptiveCard): Node[] {
  return nodes(card).filter((n) => typeof n.type === 'string' && n.type.startsWith('Action.'));
}

/** The button with this title (exactly one). */
export function action(card: AdaptiveCard, title: string): Node {
  const found = buttons(card).filter((a) => a.title === title);
  expect(found, `one action titled ${title}`).toHaveLength(1);
  return found[0]!;
}

/** The buttons: every action but the refresh action. */
export function buttons(card: AdaptiveCard): Node[] {
  const refresh = card.refresh?.action;
  return actionsOf(card).filter((a) => a !== refresh);
}

/** Titles of the buttons. */
export function buttonTitles(card: AdaptiveCard): string[] {
  return buttons(card).map((a) => String(a.title));
}

/** All inputs by id. */
export function inputs(card: AdaptiveCard): Map<string, Node> {
  const found = nodes(card).filter((n) => typeof n.type === 'string' && n.type.startsWith('Input.'));
  return new Map(found.map((n) => [String(n.id), n]));
}

/** The input with this id. */
export function input(card: AdaptiveCard, id: string): Node {
  const found = inputs(card).get(id);
  expect(found, `input ${id}`).toBeDefined();
  return found!;
}

/** All TextBlock and FactSet text joined as a reader sees it (Markdown escapes removed), for "contains" checks. */
export function visibleText(card: AdaptiveCard): string {
  const texts = nodes(card).flatMap((n) => {
    if (n.type === 'TextBlock') return [String(n.text)];
    if (n.type === 'FactSet')
      return (n.facts as { title: string; value: string }[]).map((f) => `${f.title} ${f.value}`);
    return [];
  });
  return readerSees(texts.join('\n'));
}

/** Card text as a reader sees it: Markdown escapes resolved, the app's zero-width spaces invisible. */
export function readerSees(text: string): string {
  return text.replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1').replace(/\u200B/g, '');
}

/** The rules every card keeps: version 1.5, at most 6 actions per set, under 28 KB. */
export function expectValidCard(card: AdaptiveCard): void {
  expect(card.type).toBe('AdaptiveCard');
  expect(card.version).toBe('1.5');
  expect(card.actions?.length ?? 0).toBeLessThanOrEqual(maxActionsPerSet);
  for (const set of nodes(card).filter((n) => n.type === 'ActionSet')) {
    expect((set.actions as unknown[]).length).toBeLessThanOrEqual(maxActionsPerSet);
  }
  expect(bytes(card)).toBeLessThan(28 * 1024);
}

export function bytes(card: unknown): number {
  return new TextEncoder().encode(JSON.stringify(card)).length;
}

/** An open candidate of team-1 proposed by ann, `minutes` after NOW - 1000. */
export function candidate(id: string, title = `Candidate ${id}`, extra: Partial<Candidate> = {}): Candidate {
  return {
    ...unwrap(createCandidate({ id, teamId: 'team-1', title, proposedBy: 'ann', proposedAt: at(-1000) })),
    ...extra,
  };
}

/** `count` candidates with long titles (140 characters, punctuation-heavy so escaping grows them). */
export function manyCandidates(count = 30): Candidate[] {
  return Array.from({ length: count }, (_, i) =>
    candidate(`c${i + 1}`, `${i + 1}. ${'[*_-] {x} '.repeat(20)}`.slice(0, 140).trim(), {
      proposedAt: at(-1000 + i),
      updatedAt: at(-1000 + i),
    }),
  );
}

/** A long concern of 1000 characters. */
export function longText(seed: string, length = 1000): string {
  return `${seed} ${'a-b.c_d *e* '.repeat(100)}`.slice(0, length);
}

/** An open vote of team-1 among these candidates (A, B, C titled "A", "B", "C" by default). */
export function openTestVote(
  settings: VoteSettingsInput = {},
  candidates: Candidate[] = [candidate('A', 'A'), candidate('B', 'B'), candidate('C', 'C')],
  extra: Partial<OpenVoteInput> = {},
): OpenVote {
  return unwrap(
    openVote({
      id: 'vote-1',
      teamId: 'team-1',
      candidates,
      settings,
      openedBy: 'fay',
      now: NOW,
      activePriorityId: null,
      ...extra,
    }),
  );
}

/** Closes the vote with these ballots for a team of `teamSize`. */
export function close(
  vote: OpenVote,
  ballots: readonly BallotInput[],
  teamSize = ballots.length,
): ClosedVote {
  return unwrap(closeVote(vote, cast(vote, ballots), { now: at(120), teamSize, closedBy: 'fay' }));
}

/** A decision on a closed, decided vote, every concern answered with `response`. */
export function decide(
  vote: ClosedVote,
  options: {
    rationale?: string;
    response?: (concernId: string) => string;
    activePriority?: Priority | null;
  } = {},
): Decision {
  return unwrap(
    decidePriority({
      vote,
      decisionId: 'decision-1',
      priorityId: 'priority-1',
      rationale: options.rationale ?? 'Most of us ranked it first.',
      concernResponses: vote.concerns.map((c) => ({
        concernId: c.id,
        response: options.response?.(c.id) ?? `We will look at ${c.id}.`,
      })),
      activePriority: options.activePriority ?? null,
      decidedBy: 'fay',
      now: at(200),
    }),
  ).decision;
}

/** An active priority of team-1. */
export function activePriority(title = 'Reading in grade 3'): Priority {
  return {
    id: 'priority-0',
    teamId: 'team-1',
    candidateId: 'old',
    title,
    amendment: null,
    decisionId: 'decision-0',
    chosenAt: at(-5000),
    status: 'active',
    endedAt: null,
    endReason: null,
  };
}
