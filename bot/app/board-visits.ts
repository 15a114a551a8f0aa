/** When a member last looked at a board, so "what is waiting for me" can count what is new since. */
export interface BoardVisits {
  /** Every board this member has looked at, in one read: `${teamId}|${boardId}` → ISO time. */
  lastSeen(tenantId: string, memberId: string): Promise<ReadonlyMap<string, string>>;
  record(tenantId: string, memberId: string, teamId: string, boardId: string, at: string): Promise<void>;
}

/** The key `lastSeen` answers with for a team's board. */
export function visitKey(teamId: string, boardId: string): string {
  return `${teamId}|${boardId}`;
}
