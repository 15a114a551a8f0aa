import { z } from 'zod';
import type { Candidate } from '../domain/candidates';
import type {
  Decision,
  DecisionLogEntry,
  LoggedDecision,
  Priority,
  WatchListEntry,
} from '../domain/decisions';
import type { PriorityClosedDecision, ReleaseDecision } from '../domain/ownership';
import type { Ballot, ConsentOutcome, ConsentResponse, ConsentRound, Vote } from '../domain/voting';
import type { StoredVote, TeamPriorityState } from '../app/priority-stores';

// Schemas for documents read back from storage. Ballots and candidates are checked field by field;
// votes and decisions, written only by the domain, are checked on the fields the app branches on.

const nullableText = z.string().nullable();

export const candidateSchema: z.ZodType<Candidate> = z.object({
  id: z.string(),
  teamId: z.string(),
  title: z.string().min(1).max(140),
  description: nullableText,
  evidence: nullableText,
  obstacles: nullableText,
  impact: nullableText,
  outcomeWanted: nullableText,
  proposedBy: z.string(),
  proposedAt: z.string(),
  status: z.enum(['open', 'in-vote', 'chosen', 'watch-list', 'withdrawn']),
  updatedAt: z.string(),
});

const ballotBase = { voteId: z.string(), memberId: z.string(), castAt: z.string(), concern: nullableText };
export const ballotSchema: z.ZodType<Ballot> = z.discriminatedUnion('method', [
  z.object({ ...ballotBase, method: z.literal('ranked-choice'), ranking: z.array(z.string()) }),
  z.object({ ...ballotBase, method: z.literal('dot'), dots: z.record(z.number().int().min(0)) }),
  z.object({ ...ballotBase, method: z.literal('approval'), approved: z.array(z.string()) }),
  z.object({ ...ballotBase, method: z.literal('score'), scores: z.record(z.number().int().min(0).max(5)) }),
]);

const voteShape = z
  .object({
    id: z.string(),
    teamId: z.string(),
    title: z.string(),
    status: z.enum(['open', 'closed']),
    candidates: z.array(z.object({ id: z.string(), title: z.string(), proposedAt: z.string() })).min(1),
    settings: z.object({ method: z.enum(['ranked-choice', 'dot', 'approval', 'score']) }).passthrough(),
    openedBy: z.string(),
    closesAt: z.string(),
  })
  .passthrough();

const voteSchema = z.custom<Vote>((value) => voteShape.safeParse(value).success, 'expected a vote');

const cardRef = z.object({
  conversationId: z.string(),
  activityId: z.string(),
  reference: z.record(z.unknown()),
});
const consentRoundShape = z
  .object({ id: z.string(), voteId: z.string(), candidateId: z.string() })
  .passthrough();
const consentOutcomeShape = z
  .object({ kind: z.enum(['adopted', 'objected']), roundId: z.string(), candidateId: z.string() })
  .passthrough();

export const storedVoteSchema: z.ZodType<StoredVote, z.ZodTypeDef, unknown> = z.object({
  vote: voteSchema,
  card: z
    .object({ conversationId: z.string(), activityId: z.string(), reference: z.record(z.unknown()) })
    .nullable(),
  closing: z.boolean(),
  counted: z.record(z.string()).nullable(),
  decisionId: z.string().nullable(),
  consent: z
    .object({
      round: z.custom<ConsentRound>(
        (value) => consentRoundShape.safeParse(value).success,
        'expected a consent round',
      ),
      card: cardRef.nullable(),
      outcome: z
        .custom<ConsentOutcome>(
          (value) => consentOutcomeShape.safeParse(value).success,
          'expected a consent outcome',
        )
        .nullable(),
    })
    .nullable()
    .default(null),
});

export const consentResponseSchema: z.ZodType<ConsentResponse> = z.object({
  memberId: z.string(),
  answer: z.enum(['consent', 'stand-aside', 'object']),
  reason: z.string().nullable(),
  respondedAt: z.string(),
});

const decisionShape = z
  .object({
    id: z.string(),
    teamId: z.string(),
    kind: z.string(),
    title: z.string(),
    rationale: z.string(),
    decidedAt: z.string(),
    decidedBy: z.string(),
    turnout: z.object({ voted: z.number(), teamSize: z.number() }),
    watchList: z.array(z.object({ candidateId: z.string(), title: z.string() }).passthrough()),
    concerns: z.array(z.object({ text: z.string(), response: z.string() }).passthrough()),
  })
  .passthrough();

export const decisionSchema = z.custom<Decision>(
  (value) => decisionShape.safeParse(value).success,
  'expected a decision',
);

const logHeader = {
  id: z.string(),
  teamId: z.string(),
  title: z.string(),
  decidedAt: z.string(),
  decidedBy: z.string(),
  supersedes: z.null(),
};

export const priorityClosedDecisionSchema: z.ZodType<PriorityClosedDecision> = z.object({
  ...logHeader,
  kind: z.enum(['priority-completed', 'priority-retired']),
  priorityId: z.string(),
  outcomes: z.string(),
  learned: z.string(),
});

export const releaseDecisionSchema: z.ZodType<ReleaseDecision> = z.object({
  ...logHeader,
  kind: z.literal('release-decided'),
  releaseId: z.string(),
  priority: z.object({ id: z.string(), title: z.string() }).nullable(),
  proposedBy: z.string(),
  consents: z.number().int().min(0),
  standAsides: z.number().int().min(0),
});

const otherKinds = new Set(['priority-completed', 'priority-retired', 'release-decided']);

/** Any decision of the log (L-8): the kinds that were not voted on by their own schema, the rest as a vote decision. */
export const loggedDecisionSchema = z.custom<LoggedDecision>((value) => {
  const kind = (value as { kind?: unknown } | null)?.kind;
  if (typeof kind === 'string' && otherKinds.has(kind)) {
    return kind === 'release-decided'
      ? releaseDecisionSchema.safeParse(value).success
      : priorityClosedDecisionSchema.safeParse(value).success;
  }
  return decisionShape.safeParse(value).success;
}, 'expected a decision');

/**
 * A row of the decision log: a chained entry, or a bare decision written before the log was chained
 * (L-4). The sequence is only checked to be a number, so that the verifier can report a bad one.
 */
export const decisionLogEntrySchema: z.ZodType<DecisionLogEntry, z.ZodTypeDef, unknown> = z.union([
  z.object({
    decision: loggedDecisionSchema,
    chain: z.object({ sequence: z.number(), previousHash: z.string(), hash: z.string() }),
  }),
  decisionSchema.transform((decision) => ({ decision, chain: null })),
]);

const priorityShape = z
  .object({
    id: z.string(),
    teamId: z.string(),
    candidateId: z.string(),
    title: z.string(),
    status: z.enum(['active', 'completed', 'replaced', 'retired']),
  })
  .passthrough();
const prioritySchema = z.custom<Priority>(
  (value) => priorityShape.safeParse(value).success,
  'expected a priority',
);

const watchListEntrySchema: z.ZodType<WatchListEntry> = z.object({
  candidateId: z.string(),
  title: z.string(),
  place: z.number(),
  total: z.number(),
  voteId: z.string(),
});

export const teamPriorityStateSchema: z.ZodType<TeamPriorityState> = z.object({
  activePriority: prioritySchema.nullable(),
  watchList: z.array(watchListEntrySchema),
  pastPriorities: z.array(prioritySchema),
});
