import { fail, ok, type Result } from './result';
import { VOTING_METHODS, type ResultsVisibility, type VoteSettings, type VotingMethod } from './vote-types';

/** Settings a facilitator may give when opening a vote; anything left out takes its default (S-1). */
export type VoteSettingsInput = {
  readonly method?: VotingMethod;
  readonly closeWhenAllVoted?: boolean;
  readonly resultsVisibility?: ResultsVisibility;
  readonly anonymous?: boolean;
  readonly quorum?: number;
  readonly consentRound?: boolean;
  readonly dotsPerMember?: number;
  readonly maxDotsPerCandidate?: number;
};

/** The defaults of S-1. Ballots are anonymous by default because team deliberations are confidential. */
export const DEFAULT_VOTE_SETTINGS: VoteSettings = {
  method: 'ranked-choice',
  closeWhenAllVoted: false,
  resultsVisibility: 'after-close',
  anonymous: true,
  quorum: 0.5,
  consentRound: false,
  dotsPerMember: 3,
  maxDotsPerCandidate: 3,
};

/** Hours a vote stays open when no closing time is given (S-2). */
export const DEFAULT_VOTE_HOURS = 48;

/** Most dots a member can be given, to keep cards readable. */
export const MAX_DOTS_PER_MEMBER = 20;

/** Applies defaults and checks the settings (S-1, S-3). */
export function resolveVoteSettings(input: VoteSettingsInput = {}): Result<VoteSettings> {
  const method = input.method ?? DEFAULT_VOTE_SETTINGS.method;
  if (!VOTING_METHODS.includes(method)) {
    return fail('method', `expected one of ${VOTING_METHODS.join(', ')}`);
  }
  const quorum = input.quorum ?? DEFAULT_VOTE_SETTINGS.quorum;
  if (!Number.isFinite(quorum) || quorum < 0 || quorum > 1) {
    return fail('quorum', 'expected a share between 0 and 1');
  }
  const dotsPerMember = input.dotsPerMember ?? DEFAULT_VOTE_SETTINGS.dotsPerMember;
  if (!Number.isInteger(dotsPerMember) || dotsPerMember < 1 || dotsPerMember > MAX_DOTS_PER_MEMBER) {
    return fail('dotsPerMember', `expected a whole number from 1 to ${MAX_DOTS_PER_MEMBER}`);
  }
  const maxDotsPerCandidate = input.maxDotsPerCandidate ?? dotsPerMember;
  if (
    !Number.isInteger(maxDotsPerCandidate) ||
    maxDotsPerCandidate < 1 ||
    maxDotsPerCandidate > dotsPerMember
  ) {
    return fail('maxDotsPerCandidate', `expected a whole number from 1 to ${dotsPerMember}`);
  }
  const resultsVisibility = input.resultsVisibility ?? DEFAULT_VOTE_SETTINGS.resultsVisibility;
  if (resultsVisibility !== 'after-close' && resultsVisibility !== 'live') {
    return fail('resultsVisibility', 'expected one of after-close, live');
  }
  return ok({
    method,
    closeWhenAllVoted: input.closeWhenAllVoted ?? DEFAULT_VOTE_SETTINGS.closeWhenAllVoted,
    resultsVisibility,
    anonymous: input.anonymous ?? DEFAULT_VOTE_SETTINGS.anonymous,
    quorum,
    consentRound: input.consentRound ?? DEFAULT_VOTE_SETTINGS.consentRound,
    dotsPerMember,
    maxDotsPerCandidate,
  });
}
