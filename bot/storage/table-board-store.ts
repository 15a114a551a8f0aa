import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import type { StoredSwotBoard, SwotBoardStore } from '../app/board-stores';
import type { TeamRef } from '../app/team-ref';
import type { DotAllocation, SwotGroup, SwotItem } from '../domain/boards';
import { dotAllocationSchema, swotGroupSchema, swotItemSchema, swotSessionSchema } from './board-schemas';
import { createJsonEntityTable } from './json-entities';
import { tableKey } from './keys';
import { rowsVersion } from './rows-version';

const boardRowSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('session'), session: swotSessionSchema }),
  z.object({ kind: z.literal('item'), item: swotItemSchema }),
  z.object({ kind: z.literal('group'), group: swotGroupSchema }),
  z.object({ kind: z.literal('dots'), dots: dotAllocationSchema }),
]);
type BoardRow = z.infer<typeof boardRowSchema>;

const sessionIndexSchema = z.object({ sessionId: z.string(), openedAt: z.string() });

const sessionRow = 'session';
const itemRow = (itemId: string) => `item|${tableKey(itemId)}`;
const groupRow = (groupId: string) => `group|${tableKey(groupId)}`;
const dotsRow = (memberId: string) => `dots|${tableKey(memberId)}`;

/**
 * SWOT boards in one table. Each board is a partition (session, items, groups, every member's dots), so
 * loading it is one query; a team's sessions are listed from a small index partition, newest first.
 */
export function createTableSwotBoardStore(table: TableClient): SwotBoardStore {
  const rows = createJsonEntityTable(table, 'boards', boardRowSchema);
  const index = createJsonEntityTable(table, 'boards', sessionIndexSchema);
  const boardPartition = (team: TeamRef, sessionId: string) =>
    tableKey(team.tenantId, team.teamId, 'swot', sessionId);
  const indexPartition = (team: TeamRef) => tableKey(team.tenantId, team.teamId, 'swot-sessions');
  const newestFirst = (openedAt: string, sessionId: string) =>
    `${String(9_999_999_999_999 - Date.parse(openedAt)).padStart(13, '0')}|${tableKey(sessionId)}`;

  const getRow = async <K extends BoardRow['kind']>(
    team: TeamRef,
    sessionId: string,
    rowKey: string,
    kind: K,
  ) => {
    const row = await rows.get(boardPartition(team, sessionId), rowKey);
    if (!row || row.value.kind !== kind) return null;
    return { value: row.value as Extract<BoardRow, { kind: K }>, etag: row.etag };
  };

  return {
    async listSessions(team, limit) {
      const entries = await index.list(indexPartition(team), { limit });
      const sessions = await Promise.all(
        entries.map((entry) => getRow(team, entry.value.sessionId, sessionRow, 'session')),
      );
      return sessions.flatMap((row) => (row ? [row.value.session] : []));
    },
    async createSession(team, session) {
      // The board's own row first: an index entry never points at a board that does not exist.
      await rows.insert(boardPartition(team, session.id), sessionRow, { kind: 'session', session });
      await index.insert(indexPartition(team), newestFirst(session.openedAt, session.id), {
        sessionId: session.id,
        openedAt: session.openedAt,
      });
    },
    async replaceSession(team, session, etag) {
      await rows.replace(boardPartition(team, session.id), sessionRow, { kind: 'session', session }, etag);
    },
    async load(team, sessionId) {
      const all = await rows.list(boardPartition(team, sessionId));
      let session: StoredSwotBoard['board']['session'] | null = null;
      let sessionEtag = '';
      const items: SwotItem[] = [];
      const groups: SwotGroup[] = [];
      const allocations: DotAllocation[] = [];
      const itemEtags: Record<string, string> = {};
      const groupEtags: Record<string, string> = {};
      for (const row of all) {
        const value = row.value;
        if (value.kind === 'session') {
          session = value.session;
          sessionEtag = row.etag;
        } else if (value.kind === 'item') {
          items.push(value.item);
          itemEtags[value.item.id] = row.etag;
        } else if (value.kind === 'group') {
          groups.push(value.group);
          groupEtags[value.group.id] = row.etag;
        } else allocations.push(value.dots);
      }
      if (!session) return null;
      const version = rowsVersion(all);
      return {
        board: { session, items, groups, allocations },
        etags: { session: sessionEtag, items: itemEtags, groups: groupEtags },
        version,
      };
    },
    async getItem(team, sessionId, itemId) {
      const row = await getRow(team, sessionId, itemRow(itemId), 'item');
      return row && { value: row.value.item, etag: row.etag };
    },
    insertItem: (team, item) =>
      rows.insert(boardPartition(team, item.sessionId), itemRow(item.id), { kind: 'item', item }),
    replaceItem: (team, item, etag) =>
      rows.replace(boardPartition(team, item.sessionId), itemRow(item.id), { kind: 'item', item }, etag),
    removeItem: (team, sessionId, itemId, etag) =>
      rows.remove(boardPartition(team, sessionId), itemRow(itemId), etag),
    async getGroup(team, sessionId, groupId) {
      const row = await getRow(team, sessionId, groupRow(groupId), 'group');
      return row && { value: row.value.group, etag: row.etag };
    },
    insertGroup: (team, group) =>
      rows.insert(boardPartition(team, group.sessionId), groupRow(group.id), { kind: 'group', group }),
    replaceGroup: (team, group, etag) =>
      rows.replace(boardPartition(team, group.sessionId), groupRow(group.id), { kind: 'group', group }, etag),
    removeGroup: (team, sessionId, groupId, etag) =>
      rows.remove(boardPartition(team, sessionId), groupRow(groupId), etag),
    async getDots(team, sessionId, memberId) {
      const row = await getRow(team, sessionId, dotsRow(memberId), 'dots');
      return row && { value: row.value.dots, etag: row.etag };
    },
    async saveDots(team, sessionId, dots, etag) {
      const partition = boardPartition(team, sessionId);
      if (etag === null) await rows.insert(partition, dotsRow(dots.memberId), { kind: 'dots', dots });
      else await rows.replace(partition, dotsRow(dots.memberId), { kind: 'dots', dots }, etag);
    },
  };
}
