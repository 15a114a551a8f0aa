import type { VisionClient } from './vision-api';
import type { ConsentAnswer, Draft, Proposal } from './vision-schemas';

/** One change a member makes on the vision board; undo runs another of these. */
export type VisionOperation =
  | { kind: 'add-draft'; text: string }
  | { kind: 'edit-draft'; draft: Draft; text: string }
  | { kind: 'withdraw-draft'; draft: Draft }
  | { kind: 'support'; draft: Draft; on: boolean }
  | { kind: 'comment'; draft: Draft; text: string }
  | { kind: 'propose'; text: string; draftIds: string[] }
  | { kind: 'respond'; proposal: Proposal; answer: ConsentAnswer; reason?: string }
  | { kind: 'close'; proposal: Proposal };

/** What a change did, in words, and how to take it back (null when it cannot be). */
export interface Performed {
  message: string;
  inverse: VisionOperation | null;
}

const ANSWER_WORDS: Record<ConsentAnswer, string> = {
  consent: 'You consent',
  'stand-aside': 'You stand aside',
  object: 'You object',
};

/** A short quote of a draft for messages: its first 60 characters. */
export function quote(text: string): string {
  const trimmed = text.trim();
  return `“${trimmed.length > 60 ? `${trimmed.slice(0, 59)}…` : trimmed}”`;
}

/** Sends one change to the server and says what it did and how to undo it. */
export async function performVision(
  client: VisionClient,
  operation: VisionOperation,
  me: { name: string },
): Promise<Performed> {
  switch (operation.kind) {
    case 'add-draft': {
      const draft = await client.addDraft(operation.text);
      return { message: 'Your draft is on the board.', inverse: { kind: 'withdraw-draft', draft } };
    }
    case 'edit-draft': {
      const draft = await client.editDraft(operation.draft, operation.text);
      return {
        message: 'Your draft is saved.',
        inverse: { kind: 'edit-draft', draft, text: operation.draft.text },
      };
    }
    case 'withdraw-draft':
      await client.withdrawDraft(operation.draft);
      // There is no "un-withdraw": undo puts the same text back as a new draft.
      return {
        message: `Withdrew ${quote(operation.draft.text)}.`,
        inverse: { kind: 'add-draft', text: operation.draft.text },
      };
    case 'support':
      await client.support(operation.draft.id, operation.on);
      return {
        message: operation.on
          ? `You +1’d ${quote(operation.draft.text)}.`
          : `You took back your +1 on ${quote(operation.draft.text)}.`,
        inverse: { kind: 'support', draft: operation.draft, on: !operation.on },
      };
    case 'comment':
      await client.comment(operation.draft.id, operation.text);
      return { message: 'Your comment is added.', inverse: null };
    case 'propose':
      await client.propose({ text: operation.text, draftIds: operation.draftIds });
      return { message: 'The consent check has started. The team can answer now.', inverse: null };
    case 'respond': {
      await client.respond(operation.proposal.id, {
        answer: operation.answer,
        ...(operation.reason === undefined ? {} : { reason: operation.reason }),
      });
      const before = operation.proposal.myAnswer;
      const reason =
        before === 'object'
          ? operation.proposal.objections.find((objection) => objection.memberName === me.name)?.reason
          : undefined;
      return {
        message: `${ANSWER_WORDS[operation.answer]}. You can change your answer until the check is closed.`,
        inverse:
          before === null || (before === 'object' && !reason)
            ? null
            : {
                kind: 'respond',
                proposal: { ...operation.proposal, myAnswer: operation.answer },
                answer: before,
                ...(reason ? { reason } : {}),
              },
      };
    }
    case 'close': {
      const closed = await client.close(operation.proposal.id);
      return {
        message:
          closed.status === 'adopted'
            ? 'The vision is adopted and announced in the channel.'
            : 'The check is closed with objections: read the reasons, then merge again.',
        inverse: null,
      };
    }
  }
}

/** The draft a write was guarded by (its ETag), for a 412's conflict dialog. */
export function guardedDraft(operation: VisionOperation): Draft | null {
  return operation.kind === 'edit-draft' || operation.kind === 'withdraw-draft' ? operation.draft : null;
}
