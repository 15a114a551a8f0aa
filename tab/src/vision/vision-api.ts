import { z } from '../zod';
import { parsedBody, responseError, sendRequest, type Identity, type RequestOptions } from '../api';
import { parserOf } from '../swot/swot-schemas';
import {
  commentSchema,
  draftSchema,
  proposalSchema,
  visionBoardSchema,
  type ConsentAnswer,
  type Draft,
  type DraftComment,
  type Proposal,
  type VisionBoard,
} from './vision-schemas';

/** A board read: `changed: false` when the server answered 304 to the ETag we already had. */
export type VisionRead = { changed: true; board: VisionBoard; etag: string | null } | { changed: false };

/** The vision board API of one team, as the member it was made for. */
export interface VisionClient {
  board(etag: string | null, signal?: AbortSignal): Promise<VisionRead>;
  addDraft(text: string): Promise<Draft>;
  editDraft(draft: { id: string; etag: string }, text: string): Promise<Draft>;
  withdrawDraft(draft: { id: string; etag: string }): Promise<Draft>;
  support(draftId: string, on: boolean): Promise<void>;
  comment(draftId: string, text: string): Promise<DraftComment>;
  propose(input: { text: string; draftIds: string[] }): Promise<Proposal>;
  respond(proposalId: string, input: { answer: ConsentAnswer; reason?: string }): Promise<Proposal>;
  close(proposalId: string): Promise<Proposal>;
}

const draftBody = parserOf(z.object({ draft: draftSchema }).transform((body) => body.draft));
const proposalBody = parserOf(z.object({ proposal: proposalSchema }).transform((body) => body.proposal));
const commentBody = parserOf(z.object({ comment: commentSchema }).transform((body) => body.comment));
const supportBody = parserOf(z.object({ draftId: z.string() }));

export function createVisionClient(identity: Identity, teamId: string): VisionClient {
  const base = `/api/teams/${encodeURIComponent(teamId)}/vision`;
  const draftAt = (draftId: string, path = '') => `${base}/drafts/${encodeURIComponent(draftId)}${path}`;
  const proposalAt = (proposalId: string, path: string) =>
    `${base}/proposals/${encodeURIComponent(proposalId)}${path}`;

  const call = async <T>(path: string, options: RequestOptions, parse: (body: unknown) => T | null) => {
    const response = await sendRequest(identity, path, options);
    if (!response.ok) throw await responseError(response);
    return parsedBody(response, parse);
  };

  return {
    async board(etag, signal) {
      const response = await sendRequest(identity, base, {
        ...(etag ? { headers: { 'If-None-Match': etag } } : {}),
        ...(signal ? { signal } : {}),
      });
      if (response.status === 304) return { changed: false };
      if (!response.ok) throw await responseError(response);
      const board = await parsedBody(response, parserOf(visionBoardSchema));
      return { changed: true, board, etag: response.headers.get('ETag') };
    },
    addDraft: (text) => call(`${base}/drafts`, { method: 'POST', body: { text } }, draftBody),
    editDraft: (draft, text) =>
      call(
        draftAt(draft.id),
        { method: 'PATCH', body: { text }, headers: { 'If-Match': draft.etag } },
        draftBody,
      ),
    withdrawDraft: (draft) =>
      call(
        draftAt(draft.id, '/withdraw'),
        { method: 'POST', body: {}, headers: { 'If-Match': draft.etag } },
        draftBody,
      ),
    support: async (draftId, on) => {
      await call(draftAt(draftId, '/support'), { method: 'PUT', body: { on } }, supportBody);
    },
    comment: (draftId, text) =>
      call(draftAt(draftId, '/comments'), { method: 'POST', body: { text } }, commentBody),
    propose: (input) => call(`${base}/proposals`, { method: 'POST', body: input }, proposalBody),
    respond: (proposalId, input) =>
      call(proposalAt(proposalId, '/response'), { method: 'PUT', body: input }, proposalBody),
    close: (proposalId) => call(proposalAt(proposalId, '/close'), { method: 'POST', body: {} }, proposalBody),
  };
}
