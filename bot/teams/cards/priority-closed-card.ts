// Ending the priority: the form asking for outcomes and learning, and the decision announcing it with the way to the next vote.
import type { WatchListEntry } from '../../domain/decisions';
import {
  MAX_CLOSING_TEXT_LENGTH,
  type PriorityClosedDecision,
  type PriorityOutcome,
} from '../../domain/ownership';
import {
  adaptiveCard,
  dateOnly,
  errorBlocks,
  fitCard,
  heading,
  limitList,
  moreLine,
  numbered,
  plainAction,
  safe,
  sectionHeading,
  submitAction,
  subtle,
  textBlock,
  textInput,
  type AdaptiveCard,
  type CardElement,
} from './card-parts';

const outcomeWords: Readonly<Record<PriorityOutcome, { verb: string; done: string }>> = {
  completed: { verb: 'Complete', done: 'Priority completed' },
  retired: { verb: 'Retire', done: 'Priority retired' },
};

/** The form of `complete priority` / `retire priority`: outcomes and what was learned, both required (PC-2). */
export function priorityClosingFormCard(input: {
  priority: { id: string; title: string };
  outcome: PriorityOutcome;
  error?: string;
  values?: { outcomes?: string; learned?: string };
}): AdaptiveCard {
  const words = outcomeWords[input.outcome];
  return adaptiveCard(
    [
      ...errorBlocks(input.error),
      heading(`${words.verb} the priority`),
      textBlock(safe(input.priority.title, 200), { weight: 'Bolder', size: 'Medium' }),
      subtle(
        input.outcome === 'completed'
          ? 'Its goal is met. The decision is announced and kept in the decision log; the team then chooses its next priority.'
          : 'It is set aside on purpose. The decision is announced and kept in the decision log; the team then chooses its next priority.',
      ),
      textInput('outcomes', 'Outcomes: what did we achieve?', {
        value: input.values?.outcomes ?? null,
        maxLength: MAX_CLOSING_TEXT_LENGTH,
        multiline: true,
        required: true,
      }),
      textInput('learned', 'What did we learn? (what did not work is learning too)', {
        value: input.values?.learned ?? null,
        maxLength: MAX_CLOSING_TEXT_LENGTH,
        multiline: true,
        required: true,
      }),
    ],
    [
      submitAction(`${words.verb} priority`, 'priority.close', {
        priorityId: input.priority.id,
        outcome: input.outcome,
      }),
    ],
  );
}

/**
 * The announcement of an ended priority: its outcomes and learning, and the invitation to choose the next
 * one from the watch list (`Open a vote on the watch list` when it has two or more candidates).
 */
export function priorityClosedCard(
  decision: PriorityClosedDecision,
  options: { watchList: readonly WatchListEntry[]; decidedByName: string; tabUrl: string | null },
): AdaptiveCard {
  const outcome: PriorityOutcome = decision.kind === 'priority-completed' ? 'completed' : 'retired';
  const canVote = options.watchList.length >= 2;
  const actions: CardElement[] = [
    ...(canVote
      ? [plainAction('Open a vote on the watch list', 'watchlist.vote', { decisionId: decision.id })]
      : []),
    ...(options.tabUrl ? [{ type: 'Action.OpenUrl', title: 'Open in tab', url: options.tabUrl }] : []),
  ];
  return fitCard((detail) => {
    const { shown, more } = limitList(options.watchList, detail.listMax);
    return adaptiveCard(
      [
        heading(`${outcomeWords[outcome].done}: ${safe(decision.title, detail.titleMax)}`, 'Large'),
        subtle(
          `Decided ${dateOnly(decision.decidedAt)} by ${safe(options.decidedByName, 80)} · kept in the decision log`,
        ),
        sectionHeading('Outcomes'),
        textBlock(safe(decision.outcomes, detail.textMax), { spacing: 'Small' }),
        sectionHeading('What we learned'),
        textBlock(safe(decision.learned, detail.textMax), { spacing: 'Small' }),
        sectionHeading('What next'),
        ...(canVote
          ? [
              textBlock(
                'Choose our next priority from the watch list: one click opens a vote with its candidates.',
                {
                  spacing: 'Small',
                },
              ),
              ...shown.map((entry, index) =>
                textBlock(numbered(index + 1, safe(entry.title, detail.titleMax)), { spacing: 'Small' }),
              ),
              ...moreLine(more),
            ]
          : [
              textBlock(
                options.watchList.length === 1
                  ? `The watch list has one candidate (${safe(options.watchList[0]?.title ?? '', detail.titleMax)}): propose at least one more, then open a vote.`
                  : 'The watch list is empty: propose candidates for the next priority, then open a vote.',
                { spacing: 'Small' },
              ),
            ]),
      ],
      actions,
    );
  });
}
