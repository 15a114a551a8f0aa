// The voting domain: open a vote on one priority, cast ballots, tally, close, settle ties and consent.
export * from './result';
export * from './vote-types';
export * from './ballot-types';
export * from './tally-types';
export {
  DEFAULT_VOTE_SETTINGS,
  DEFAULT_VOTE_HOURS,
  MAX_DOTS_PER_MEMBER,
  resolveVoteSettings,
} from './vote-settings';
export type { VoteSettingsInput } from './vote-settings';
export { openVote, DEFAULT_VOTE_TITLE } from './open-vote';
export type { OpenVoteInput, CandidateForVote, PriorityDispositionInput } from './open-vote';
export { validateBallot, MAX_CONCERN_LENGTH, MAX_SCORE } from './validate-ballot';
export type { ValidBallot } from './validate-ballot';
export { castBallot, currentBallotsFrom } from './cast-ballot';
export { ballotReceipt, RECEIPT_LENGTH } from './ballot-receipt';
export { tallyRankedChoice } from './tally-ranked-choice';
export { tallyDot, tallyApproval, tallyScore } from './tally-totals';
export { tallyVote, visibleTally } from './tally-vote';
export { headToHeadTable, condorcetWinnerOf } from './head-to-head';
export { quorumNeeded, hasQuorum } from './quorum';
export { isDue } from './is-due';
export { closeVote } from './close-vote';
export type { CloseVoteOptions } from './close-vote';
export { extendVote } from './extend-vote';
export { createRunoff } from './create-runoff';
export type { RunoffOptions } from './create-runoff';
export { resolveTieByFacilitator } from './resolve-tie';
export { openConsentRound, respondToConsent, evaluateConsent } from './consent-round';
export type {
  ConsentAnswer,
  ConsentResponseInput,
  ConsentResponse,
  ConsentResponses,
  ConsentRound,
  ConsentOutcome,
  OpenConsentRoundInput,
} from './consent-round';
