import { canonicalJson, type HashText } from '../canonical-json';
import type { Ballot } from './ballot-types';

/** Hex digits of a receipt: short enough to read out, long enough that two ballots of a vote never share one. */
export const RECEIPT_LENGTH = 12;

/** A voter's receipt: the start of the hash of their ballot's canonical JSON, so anyone holding the ballot can recompute it (L-7). */
export function ballotReceipt(ballot: Ballot, hash: HashText): string {
  return hash(canonicalJson(ballot)).slice(0, RECEIPT_LENGTH);
}
