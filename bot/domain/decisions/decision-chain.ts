import { canonicalJson, type HashText } from '../canonical-json';
import type { LoggedDecision } from './logged-decision';

/** The `previousHash` of a team's first chained entry (L-1). */
export const GENESIS_HASH = '0'.repeat(64);

/** Where an entry sits in its team's hash chain (L-1). */
export type ChainLink = {
  /** 1, 2, … per team, in the order the entries were appended. */
  readonly sequence: number;
  /** The `hash` of the entry before, or GENESIS_HASH for the first. */
  readonly previousHash: string;
  /** The hash of this entry's canonical JSON (L-2). */
  readonly hash: string;
};

/** One entry of a team's decision log; `chain` is null for entries written before the log was chained (L-4). */
export type DecisionLogEntry = {
  /** A vote decision, or another kind the log also keeps (L-8). */
  readonly decision: LoggedDecision;
  readonly chain: ChainLink | null;
};

/** The text an entry's hash is taken over: its sequence, the previous hash and the decision (L-1, L-2). */
export function chainedText(sequence: number, previousHash: string, decision: LoggedDecision): string {
  return canonicalJson({ sequence, previousHash, decision });
}

/** The hash an entry should carry, recomputed from its content (L-1). */
export function entryHash(
  entry: { readonly decision: LoggedDecision; readonly chain: Omit<ChainLink, 'hash'> },
  hash: HashText,
): string {
  return hash(chainedText(entry.chain.sequence, entry.chain.previousHash, entry.decision));
}

/** Chains a decision after `head`, the log's last chained link (null for the first entry) (L-1, L-3). */
export function chainDecision(
  head: ChainLink | null,
  decision: LoggedDecision,
  hash: HashText,
): DecisionLogEntry & { chain: ChainLink } {
  const sequence = head === null ? 1 : head.sequence + 1;
  const previousHash = head === null ? GENESIS_HASH : head.hash;
  return {
    decision,
    chain: { sequence, previousHash, hash: hash(chainedText(sequence, previousHash, decision)) },
  };
}

/** The last link of a log given oldest first, or null when nothing in it is chained yet. */
export function headOf(entries: readonly DecisionLogEntry[]): ChainLink | null {
  let head: ChainLink | null = null;
  for (const entry of entries)
    if (entry.chain && (head === null || entry.chain.sequence > head.sequence)) head = entry.chain;
  return head;
}
