import { z } from 'zod';
import type { CandidateService } from '../../app/candidate-service';
import type { TeamRef } from '../../app/team-ref';
import type { Candidate } from '../../domain/candidates';
import { MAX_TEXT_LENGTH, MAX_TITLE_LENGTH } from '../../domain/candidates/candidate-text';
import { adaptiveCard, textBlock, type AdaptiveCard } from '../cards/adaptive-card';
import { textInput } from '../cards/card-parts';
import { escapeCardText } from '../cards/escape';
import { firstIssue } from '../priority/action-data';
import { needsTeamMessage, type TeamResolver } from '../priority/team-of';
import type { MessageActionCommand } from './message-extension';

const submission = z.object({
  title: z.string().max(MAX_TITLE_LENGTH),
  description: z.string().max(MAX_TEXT_LENGTH).optional(),
});

/** "Propose as priority" on any message: a dialog pre-filled with the message, submitted as `propose`. */
export function createProposeAsPriority(deps: {
  candidates: CandidateService;
  resolveTeam: TeamResolver;
  /** Shows the new candidate in the team's channel, as `propose` would. */
  announce: (team: TeamRef, candidate: Candidate, byName: string) => Promise<void>;
}): MessageActionCommand {
  return {
    kind: 'action',
    id: 'proposeAsPriority',
    title: 'Propose as priority',
    open(_turn, messageText) {
      const firstLine = messageText.split('\n')[0] ?? '';
      return Promise.resolve(
        proposeDialog({
          title: firstLine.slice(0, MAX_TITLE_LENGTH),
          description: messageText.slice(0, MAX_TEXT_LENGTH),
        }),
      );
    },
    async submit(turn, data) {
      const parsed = submission.safeParse(data);
      if (!parsed.success) return proposeDialog({ title: '', description: '' }, firstIssue(parsed.error));
      const team = await deps.resolveTeam(turn);
      if (!team) return needsTeamMessage;
      const proposed = await deps.candidates.propose(team, turn.info.user.id, parsed.data);
      if (!proposed.ok) return proposeDialog(parsed.data, proposed.message);
      await deps.announce(team, proposed.value, turn.info.user.name);
      return `Proposed “${proposed.value.title}”. It is a candidate for the team’s next vote.`;
    },
  };
}

function proposeDialog(
  values: { title: string; description?: string | undefined },
  error?: string,
): AdaptiveCard {
  return adaptiveCard(
    [
      ...(error ? [textBlock(escapeCardText(error), { color: 'Attention' })] : []),
      textBlock('What should come before all other things? Edit the message into a candidate priority.', {
        isSubtle: true,
      }),
      textInput('title', 'Candidate priority', {
        value: values.title,
        maxLength: MAX_TITLE_LENGTH,
        required: true,
      }),
      textInput('description', 'Problem statement', {
        value: values.description ?? null,
        maxLength: MAX_TEXT_LENGTH,
        multiline: true,
      }),
    ],
    [{ type: 'Action.Submit', title: 'Propose' }],
  );
}
