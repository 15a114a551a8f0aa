/**
 * Remembers which activities were handled, so a redelivered activity (same id; Teams redelivers when
 * an answer is slow) has no second effect.
 */
export interface ActivityLedger {
  /** True the first time a key is claimed, false for a redelivery. */
  claim(scope: string, activityId: string): Promise<boolean>;
  /** Gives a claim back when handling failed, so the redelivery can succeed. */
  release(scope: string, activityId: string): Promise<void>;
}
