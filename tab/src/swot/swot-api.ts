import { z } from '../zod';
import { parsedBody, responseError, sendRequest, type Identity, type RequestOptions } from '../api';
import {
  boardSchema,
  candidateSchema,
  groupSchema,
  itemSchema,
  parserOf,
  sessionListSchema,
  sessionSchema,
  type Board,
  type Candidate,
  type Evidence,
  type Group,
  type Item,
  type ItemFields,
  type Quadrant,
  type SessionList,
  type SessionSummary,
  type Tag,
} from './swot-schemas';
import { earlyOrNow, takeEarly } from '../early-requests';
import { currentBoardPath, sessionsPath } from './swot-early';

/** A board read: `changed: false` when the server answered 304 to the ETag we already had. */
export type BoardRead = { changed: true; board: Board; etag: string | null } | { changed: false };

/** A downloaded export: its bytes and the file name the server suggests. */
export interface ExportFile {
  blob: Blob;
  fileName: string;
}

/** The SWOT board API of one team, as the member it was made for. */
export interface SwotClient {
  sessions(signal?: AbortSignal): Promise<SessionList>;
  openSession(input: { title: string; dotsPerMember: number }): Promise<SessionSummary>;
  board(sessionId: string, etag: string | null, signal?: AbortSignal): Promise<BoardRead>;
  setDotsPerMember(sessionId: string, dotsPerMember: number): Promise<SessionSummary>;
  closeSession(sessionId: string): Promise<SessionSummary>;
  addItem(
    sessionId: string,
    input: ItemFields & { quadrant: Quadrant; groupId: string | null },
  ): Promise<Item>;
  editItem(
    sessionId: string,
    item: { id: string; etag: string },
    changes: { text?: string; tag?: Tag; evidence?: Evidence[] },
  ): Promise<Item>;
  moveItem(
    sessionId: string,
    item: { id: string; etag: string },
    to: { groupId: string | null; quadrant: Quadrant },
  ): Promise<Item>;
  deleteItem(sessionId: string, item: { id: string; etag: string }): Promise<void>;
  setDots(sessionId: string, itemId: string, count: number): Promise<number>;
  promoteItem(sessionId: string, itemId: string): Promise<Candidate>;
  addGroup(sessionId: string, input: { quadrant: Quadrant; name: string }): Promise<Group>;
  renameGroup(sessionId: string, group: { id: string; etag: string }, name: string): Promise<Group>;
  deleteGroup(sessionId: string, group: { id: string; etag: string }): Promise<void>;
  promoteGroup(sessionId: string, groupId: string): Promise<Candidate>;
  exportBoard(sessionId: string, format: 'markdown' | 'csv'): Promise<ExportFile>;
}

const sessionBody = parserOf(z.object({ session: sessionSchema }).transform((body) => body.session));
const itemBody = parserOf(z.object({ item: itemSchema }).transform((body) => body.item));
const groupBody = parserOf(z.object({ group: groupSchema }).transform((body) => body.group));
const candidateBody = parserOf(z.object({ candidate: candidateSchema }).transform((body) => body.candidate));
const dotsBody = parserOf(z.object({ myDots: z.number().int() }).transform((body) => body.myDots));

/** `attachment; filename="Spring review.md"` → `Spring review.md`. */
function fileNameOf(disposition: string | null, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(disposition ?? '');
  return match?.[1] ?? fallback;
}

export function createSwotClient(identity: Identity, teamId: string): SwotClient {
  const base = sessionsPath(teamId);
  const at = (sessionId: string, path = '') => `${base}/${encodeURIComponent(sessionId)}${path}`;
  const ifMatch = (row: { etag: string }) => ({ 'If-Match': row.etag });

  const answer = async <T>(response: Response, parse: (body: unknown) => T | null) => {
    if (!response.ok) throw await responseError(response);
    return parsedBody(response, parse);
  };
  const call = async <T>(path: string, options: RequestOptions, parse: (body: unknown) => T | null) =>
    answer(await sendRequest(identity, path, options), parse);
  /** The current board asked for early, if it came and is this session's; else null (asked for as usual). */
  const earlyCurrentBoard = async (sessionId: string, signal?: AbortSignal): Promise<BoardRead | null> => {
    const response = await takeEarly(identity, currentBoardPath(teamId), signal);
    if (!response?.ok) return null;
    const board = await parsedBody(response, parserOf(boardSchema));
    return board.session.id === sessionId
      ? { changed: true, board, etag: response.headers.get('ETag') }
      : null;
  };
  const callEmpty = async (path: string, options: RequestOptions) => {
    const response = await sendRequest(identity, path, options);
    if (!response.ok) throw await responseError(response);
  };

  return {
    sessions: async (signal) =>
      answer(await earlyOrNow(identity, base, signal ? { signal } : {}), parserOf(sessionListSchema)),
    openSession: (input) => call(base, { method: 'POST', body: input }, sessionBody),
    async board(sessionId, etag, signal) {
      if (etag === null) {
        const current = await earlyCurrentBoard(sessionId, signal);
        if (current) return current;
      }
      const response = await sendRequest(identity, at(sessionId), {
        ...(etag ? { headers: { 'If-None-Match': etag } } : {}),
        ...(signal ? { signal } : {}),
      });
      if (response.status === 304) return { changed: false };
      if (!response.ok) throw await responseError(response);
      const board = await parsedBody(response, parserOf(boardSchema));
      return { changed: true, board, etag: response.headers.get('ETag') };
    },
    setDotsPerMember: (sessionId, dotsPerMember) =>
      call(at(sessionId), { method: 'PATCH', body: { dotsPerMember } }, sessionBody),
    closeSession: (sessionId) => call(at(sessionId, '/close'), { method: 'POST', body: {} }, sessionBody),
    addItem: (sessionId, input) =>
      call(
        at(sessionId, '/items'),
        {
          method: 'POST',
          body: {
            quadrant: input.quadrant,
            text: input.text,
            tag: input.tag,
            evidence: input.evidence,
            groupId: input.groupId,
          },
        },
        itemBody,
      ),
    editItem: (sessionId, item, changes) =>
      call(
        at(sessionId, `/items/${encodeURIComponent(item.id)}`),
        { method: 'PATCH', body: changes, headers: ifMatch(item) },
        itemBody,
      ),
    moveItem: (sessionId, item, to) =>
      call(
        at(sessionId, `/items/${encodeURIComponent(item.id)}/move`),
        { method: 'POST', body: to, headers: ifMatch(item) },
        itemBody,
      ),
    deleteItem: (sessionId, item) =>
      callEmpty(at(sessionId, `/items/${encodeURIComponent(item.id)}`), {
        method: 'DELETE',
        headers: ifMatch(item),
      }),
    setDots: (sessionId, itemId, count) =>
      call(
        at(sessionId, `/items/${encodeURIComponent(itemId)}/dots`),
        { method: 'PUT', body: { count } },
        dotsBody,
      ),
    promoteItem: (sessionId, itemId) =>
      call(
        at(sessionId, `/items/${encodeURIComponent(itemId)}/promote`),
        { method: 'POST', body: {} },
        candidateBody,
      ),
    addGroup: (sessionId, input) =>
      call(at(sessionId, '/groups'), { method: 'POST', body: input }, groupBody),
    renameGroup: (sessionId, group, name) =>
      call(
        at(sessionId, `/groups/${encodeURIComponent(group.id)}`),
        { method: 'PATCH', body: { name }, headers: ifMatch(group) },
        groupBody,
      ),
    deleteGroup: (sessionId, group) =>
      callEmpty(at(sessionId, `/groups/${encodeURIComponent(group.id)}`), {
        method: 'DELETE',
        headers: ifMatch(group),
      }),
    promoteGroup: (sessionId, groupId) =>
      call(
        at(sessionId, `/groups/${encodeURIComponent(groupId)}/promote`),
        { method: 'POST', body: {} },
        candidateBody,
      ),
    async exportBoard(sessionId, format) {
      const response = await sendRequest(identity, at(sessionId, `/export?format=${format}`), {
        headers: { Accept: format === 'csv' ? 'text/csv' : 'text/markdown' },
      });
      if (!response.ok) throw await responseError(response);
      const fallback = `swot.${format === 'csv' ? 'csv' : 'md'}`;
      return {
        blob: await response.blob(),
        fileName: fileNameOf(response.headers.get('Content-Disposition'), fallback),
      };
    },
  };
}
