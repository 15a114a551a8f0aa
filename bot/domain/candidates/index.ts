// The candidates domain: proposed priorities, their text and life cycle.
export * from './candidate-types';
export { checkCandidateText, MAX_TITLE_LENGTH, MAX_TEXT_LENGTH } from './candidate-text';
export type { CandidateTextInput } from './candidate-text';
export { createCandidate } from './create-candidate';
export type { CreateCandidateInput } from './create-candidate';
export { editCandidate, withdrawCandidate, reproposeFromWatchList, moveCandidate } from './change-candidate';
export type { ActingMember } from './change-candidate';
