// Tiny builders for the vision board tests: drafts, a proposal put to consent, answers and a closed check.
import {
  closeVisionProposal,
  createVisionDraft,
  proposeVision,
  respondToVision,
  type AdoptedVision,
  type BoardActor,
  type VisionDraft,
  type VisionProposal,
} from '../../../bot/domain/boards';
import type { ConsentAnswer } from '../../../bot/domain/voting';
import { at, unwrap } from '../factories';
import { ANN, FAY } from './board-factories';

/** A draft of team-1 by ann (or `author`), drafted `minute` minutes after NOW (default 0). */
export function draft(
  id: string,
  options: { readonly author?: BoardActor; readonly text?: string; readonly minute?: number } = {},
): VisionDraft {
  return unwrap(
    createVisionDraft({
      id,
      teamId: 'team-1',
      text: options.text ?? `Vision ${id}`,
      actor: options.author ?? ANN,
      now: at(options.minute ?? 0),
    }),
  );
}

/** The draft with another status, as the app stores it (withdrawn by its author, merged on adoption). */
export function withStatus(base: VisionDraft, status: VisionDraft['status']): VisionDraft {
  return { ...base, status, updatedAt: at(5) };
}

/** An open consent check of team-1 on drafts d-1 and d-2, proposed by fay ten minutes after NOW. */
export function proposal(
  options: {
    readonly id?: string;
    readonly drafts?: readonly VisionDraft[];
    readonly actor?: BoardActor;
    readonly text?: string;
  } = {},
): VisionProposal {
  const drafts = options.drafts ?? [draft('d-1'), draft('d-2')];
  return unwrap(
    proposeVision({
      id: options.id ?? 'p-1',
      teamId: 'team-1',
      text: options.text ?? 'We grow every reader',
      draftIds: drafts.map((each) => each.id),
      drafts,
      proposals: [],
      actor: options.actor ?? FAY,
      now: at(10),
    }),
  );
}

/** One answer as a test gives it. */
export type Answer = {
  readonly actor: BoardActor;
  readonly answer: ConsentAnswer;
  readonly reason?: string;
};

/** Gives the answers one after another, a minute apart from NOW + 20 minutes; fails the test on a refusal. */
export function answer(target: VisionProposal, answers: readonly Answer[]): VisionProposal {
  return answers.reduce(
    (current, each, index) => unwrap(respondToVision(current, { ...each, now: at(20 + index) })),
    target,
  );
}

/** Closes the check as fay an hour after NOW, superseding `current`. */
export function close(
  target: VisionProposal,
  current: AdoptedVision | null = null,
  adoptionId = 'v-1',
): { proposal: VisionProposal; adopted: AdoptedVision | null } {
  return unwrap(closeVisionProposal(target, { actor: FAY, now: at(60), adoptionId, current }));
}
