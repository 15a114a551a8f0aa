// The decisions domain: the one active priority, the watch list and the append-only, hash-chained decision log.
export * from './decision-types';
export { decidePriority } from './decide-priority';
export type { DecidePriorityInput, PriorityDecided } from './decide-priority';
export { isVoteDecision, isPriorityClosedDecision, isReleaseDecision } from './logged-decision';
export type { LoggedDecision } from './logged-decision';
export { supersede, supersededBy, standingDecisions } from './decision-log';
export { GENESIS_HASH, chainDecision, chainedText, entryHash, headOf } from './decision-chain';
export type { ChainLink, DecisionLogEntry } from './decision-chain';
export { verifyDecisionLog } from './verify-decision-log';
export type {
  CheckedDecision,
  DecisionLogReport,
  LogIssue,
  LogIssueKind,
  StoredVoteRecord,
  VerifyDecisionLogInput,
} from './verify-decision-log';
export { canonicalJson } from '../canonical-json';
export type { HashText } from '../canonical-json';
