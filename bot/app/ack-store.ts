import type { TeamRef } from './team-ref';

/** Who acknowledged a decision's announcement, and where that card is. */
export interface AckStore {
  /** Records the member's acknowledgement once; returns how many have acknowledged. */
  acknowledge(team: TeamRef, decisionId: string, memberId: string, at: string): Promise<number>;
  count(team: TeamRef, decisionId: string): Promise<number>;
  saveCard(
    team: TeamRef,
    decisionId: string,
    card: { activityId: string; reference: Record<string, unknown> },
  ): Promise<void>;
  card(
    team: TeamRef,
    decisionId: string,
  ): Promise<{ activityId: string; reference: Record<string, unknown> } | null>;
}
