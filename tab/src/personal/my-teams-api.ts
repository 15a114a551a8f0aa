import { z } from '../zod';
import { parsedBody, responseError, sendRequest, type Identity } from '../api';
import { parserOf } from '../swot/swot-schemas';

/** `GET /api/me`, validated where it enters the tab: the caller's teams and what waits for them there. */
export const myTeamSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  vision: z.string().nullable(),
  priority: z.string().nullable(),
  ballots: z.array(z.object({ voteId: z.string(), title: z.string(), closesAt: z.string() })),
  board: z.object({ sessionId: z.string(), title: z.string(), newItems: z.number().int() }).nullable(),
});
export type MyTeam = z.infer<typeof myTeamSchema>;

export const myTeamsSchema = z.object({
  me: z.object({ name: z.string() }),
  teams: z.array(myTeamSchema),
});
export type MyTeams = z.infer<typeof myTeamsSchema>;

export async function getMyTeams(identity: Identity, signal?: AbortSignal): Promise<MyTeams> {
  const response = await sendRequest(identity, '/api/me', signal ? { signal } : {});
  if (!response.ok) throw await responseError(response);
  return parsedBody(response, parserOf(myTeamsSchema));
}
