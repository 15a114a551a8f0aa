/** Per-person choices, such as the team personal chat works on. */
export interface PreferenceStore {
  chosenTeam(tenantId: string, userId: string): Promise<string | null>;
  chooseTeam(tenantId: string, userId: string, teamId: string): Promise<void>;
}
