// Candidate cards: one proposed priority, its edit form, and the list of open candidates.
import type { Candidate, CandidateStatus } from '../../domain/candidates';
import {
  adaptiveCard,
  errorBlocks,
  fitCard,
  heading,
  numbered,
  plainAction,
  safe,
  subtle,
  submitAction,
  textBlock,
  textInput,
  type AdaptiveCard,
  type CardElement,
} from './card-parts';

/** The optional texts of a candidate with the labels used on cards and in the edit form. */
export const candidateTextFields = [
  { id: 'description', label: 'Description' },
  { id: 'evidence', label: 'Evidence' },
  { id: 'obstacles', label: 'Obstacles met' },
  { id: 'impact', label: 'Impact on daily and long-term goals' },
  { id: 'outcomeWanted', label: 'Outcome wanted' },
] as const;

const statusWords: Readonly<Record<CandidateStatus, string>> = {
  open: 'Open',
  'in-vote': 'In a vote',
  chosen: 'Chosen as the priority',
  'watch-list': 'On the watch list',
  withdrawn: 'Withdrawn',
};

/** One candidate: title, status, its texts as facts, and Edit/Withdraw for whoever may change it. */
export function candidateCard(
  candidate: Candidate,
  options: { canChange: boolean; notice?: string },
): AdaptiveCard {
  const facts = candidateTextFields.flatMap((field) => {
    const value = candidate[field.id];
    return value ? [{ title: field.label, value: safe(value) }] : [];
  });
  return adaptiveCard(
    [
      ...(options.notice ? [textBlock(safe(options.notice), { color: 'Good', weight: 'Bolder' })] : []),
      heading(safe(candidate.title)),
      subtle(`Candidate priority · ${statusWords[candidate.status]}`),
      ...(facts.length > 0
        ? [{ type: 'FactSet', facts }]
        : [subtle('No description, evidence or coaching answers yet.')]),
    ],
    options.canChange
      ? [
          plainAction('Edit', 'candidate.edit', { candidateId: candidate.id }),
          plainAction('Withdraw', 'candidate.withdraw', { candidateId: candidate.id }),
        ]
      : [],
  );
}

/** The form to edit a candidate, prefilled with its raw text; an error from a bad save shows on top. */
export function candidateEditCard(candidate: Candidate, error?: string): AdaptiveCard {
  return adaptiveCard(
    [
      ...errorBlocks(error),
      heading('Edit candidate'),
      textInput('title', 'Title', { value: candidate.title, maxLength: 140, required: true }),
      ...candidateTextFields.map((field) =>
        textInput(field.id, field.label, { value: candidate[field.id], multiline: true }),
      ),
    ],
    [submitAction('Save', 'candidate.save', { candidateId: candidate.id })],
  );
}

/** The open candidates, numbered, with "Open a vote" when the viewer may open one and two or more are open. */
export function candidateListCard(candidates: Candidate[], options: { canOpenVote: boolean }): AdaptiveCard {
  const open = candidates.filter((c) => c.status === 'open');
  if (open.length === 0) {
    return adaptiveCard([
      heading('Candidates'),
      textBlock('No candidates yet. Propose one: propose <what should come first>'),
    ]);
  }
  const canOpen = options.canOpenVote && open.length >= 2;
  return fitCard((detail) => {
    const rows: CardElement[] = open.map((candidate, index) =>
      textBlock(numbered(index + 1, safe(candidate.title, detail.titleMax)), { spacing: 'Small' }),
    );
    return adaptiveCard(
      [
        heading('Candidates'),
        subtle(`${open.length} open ${open.length === 1 ? 'candidate' : 'candidates'}`),
        ...rows,
        ...(open.length < 2 ? [subtle('A vote needs at least two candidates.')] : []),
      ],
      canOpen ? [plainAction('Open a vote', 'vote.setup')] : [],
    );
  });
}
