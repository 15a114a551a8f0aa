import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import type { StoredVisionBoard, VisionBoardStore } from '../app/board-stores';
import type { TeamRef } from '../app/team-ref';
import { storedVisionProposalSchema, visionDraftSchema } from './board-schemas';
import { createJsonEntityTable } from './json-entities';
import { tableKey } from './keys';
import { rowsVersion } from './rows-version';

const visionRowSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('draft'), draft: visionDraftSchema }),
  z.object({ kind: z.literal('proposal'), stored: storedVisionProposalSchema }),
]);

const draftRow = (draftId: string) => `draft|${tableKey(draftId)}`;
const proposalRow = (proposalId: string) => `proposal|${tableKey(proposalId)}`;

/** A team's vision board in the boards table: one partition holds its drafts and proposals. */
export function createTableVisionStore(table: TableClient): VisionBoardStore {
  const rows = createJsonEntityTable(table, 'boards', visionRowSchema);
  const partition = (team: TeamRef) => tableKey(team.tenantId, team.teamId, 'vision');
  return {
    async load(team) {
      const all = await rows.list(partition(team));
      const board: StoredVisionBoard = { drafts: [], proposals: [], version: rowsVersion(all) };
      for (const row of all) {
        if (row.value.kind === 'draft') board.drafts.push({ value: row.value.draft, etag: row.etag });
        else board.proposals.push({ value: row.value.stored, etag: row.etag });
      }
      return board;
    },
    async getDraft(team, draftId) {
      const row = await rows.get(partition(team), draftRow(draftId));
      return row?.value.kind === 'draft' ? { value: row.value.draft, etag: row.etag } : null;
    },
    insertDraft: (team, draft) => rows.insert(partition(team), draftRow(draft.id), { kind: 'draft', draft }),
    replaceDraft: (team, draft, etag) =>
      rows.replace(partition(team), draftRow(draft.id), { kind: 'draft', draft }, etag),
    async getProposal(team, proposalId) {
      const row = await rows.get(partition(team), proposalRow(proposalId));
      return row?.value.kind === 'proposal' ? { value: row.value.stored, etag: row.etag } : null;
    },
    insertProposal: (team, stored) =>
      rows.insert(partition(team), proposalRow(stored.proposal.id), { kind: 'proposal', stored }),
    replaceProposal: (team, stored, etag) =>
      rows.replace(partition(team), proposalRow(stored.proposal.id), { kind: 'proposal', stored }, etag),
  };
}
