import { Router } from 'express';
import { z } from 'zod';
import type { OwnershipService } from '../app/ownership-service';
import type { ReleaseService } from '../app/release-service';
import type { StoredRelease } from '../app/release-stores';
import type { StoredAction } from '../app/ownership-stores';
import type { TeamMembership } from '../app/team-membership';
import type { TeamRef } from '../app/team-ref';
import {
  ACTION_STATUSES,
  MAX_ACTION_TITLE_LENGTH,
  MAX_RELEASE_TEXT_LENGTH,
  OWNER_ROLES,
  type ActionStatus,
  type Assignment,
  type OwnerRole,
} from '../domain/ownership';
import { storedActionSchema } from '../storage/ownership-schemas';
import type { NameOf } from '../teams/cards/ownership-cards';
import type { OwnershipPublisher } from '../teams/ownership/ownership-publisher';
import type { ReleaseCards } from '../teams/ownership/release-handlers';
import { ApiError } from './api-error';
import { answerOutcome } from './board-answer';
import { parseInput, requireIfMatch } from './request-schemas';
import type { ResolveTeamAccess } from './team-access';

const id = z.string().min(1).max(1024);
const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const due = z
  .string()
  .max(40)
  .refine(
    (text) => isoDay.test(text) || !Number.isNaN(Date.parse(text)),
    'expected YYYY-MM-DD or an ISO date-time',
  )
  // A bare date is due at the end of that day (UTC); the tab sends an instant when it knows the zone.
  .transform((text) => (isoDay.test(text) ? `${text}T23:59:00.000Z` : new Date(text).toISOString()));
const newActionBody = z
  .object({
    title: z.string().max(MAX_ACTION_TITLE_LENGTH, `expected at most ${MAX_ACTION_TITLE_LENGTH} characters`),
    ownerId: id,
    due: due.nullish(),
  })
  .strict();
const statusBody = z
  .object({ status: z.enum(ACTION_STATUSES as [ActionStatus, ...ActionStatus[]]) })
  .strict();
const assignBody = z
  .object({ memberId: id, role: z.enum(OWNER_ROLES as [OwnerRole, ...OwnerRole[]]) })
  .strict();
const noQuery = z.object({}).strict();
const releaseBody = z
  .object({
    text: z.string().max(MAX_RELEASE_TEXT_LENGTH, `expected at most ${MAX_RELEASE_TEXT_LENGTH} characters`),
  })
  .strict();

/**
 * The priority's owners, actions and release list for the tab: read, add an action, change a status,
 * assign a role, propose a release (decided by consent on its card in the channel).
 */
export function createOwnershipRoutes(deps: {
  teamAccess: ResolveTeamAccess;
  ownership: OwnershipService;
  membership: TeamMembership;
  ownershipCards: OwnershipPublisher;
  releases: ReleaseService;
  releaseCards: ReleaseCards;
}): Router {
  const router = Router();
  const { ownership } = deps;

  const namesOf = async (team: TeamRef): Promise<NameOf> => {
    const names = new Map((await deps.membership.list(team)).map((member) => [member.memberId, member.name]));
    return (memberId) => names.get(memberId) ?? 'A former member';
  };
  const requireMember = async (team: TeamRef, field: string, memberId: string) => {
    if (!(await deps.membership.find(team, memberId)))
      throw new ApiError(400, 'bad_request', `${field}: not a member of this team in Microsoft Teams`, {
        field,
      });
  };

  router.get('/teams/:teamId/priority', async (req, res) => {
    const { ref, actor } = await deps.teamAccess(req);
    parseInput(noQuery, req.query, 'query');
    const current = await ownership.current(ref);
    res.setHeader('Cache-Control', 'no-cache');
    if (!current) {
      res.json({ priority: null, owners: [], actions: emptyByStatus(), releases: [], facilitator: false });
      return;
    }
    const nameOf = await namesOf(ref);
    const byStatus = emptyByStatus();
    for (const row of [...current.actions].sort((a, b) =>
      a.value.action.due.localeCompare(b.value.action.due),
    ))
      byStatus[row.value.action.status].push(actionView(row.value, row.etag, nameOf));
    const { priority } = current;
    res.json({
      priority: {
        id: priority.id,
        title: priority.title,
        amendment: priority.amendment,
        chosenAt: priority.chosenAt,
        status: priority.status,
      },
      owners: current.assignments.map((row) => ownerView(row.value.assignment, nameOf)),
      actions: byStatus,
      releases: (await deps.releases.list(ref, priority.id)).map((stored) => releaseView(stored, nameOf)),
      facilitator: actor.isTeamOwner || current.facilitators.includes(actor.memberId),
    });
  });

  router.post('/teams/:teamId/priority/actions', async (req, res) => {
    const { ref, actor } = await deps.teamAccess(req);
    const body = parseInput(newActionBody, req.body, 'body');
    await requireMember(ref, 'ownerId', body.ownerId);
    const created = answer(
      await ownership.createAction(ref, actor, {
        title: body.title,
        ownerId: body.ownerId,
        ...(body.due ? { due: body.due } : {}),
      }),
    );
    const nameOf = await namesOf(ref);
    const current = await ownership.current(ref);
    if (current) await deps.ownershipCards.postAction(ref, current.priority, created.value, nameOf);
    res.setHeader('ETag', created.etag);
    res.status(201).json({ action: actionView(created.value, created.etag, nameOf) });
  });

  router.patch('/teams/:teamId/priority/actions/:actionId', async (req, res) => {
    const { ref, actor } = await deps.teamAccess(req);
    const actionId = parseInput(id, req.params.actionId, 'actionId');
    const body = parseInput(statusBody, req.body, 'body');
    const etag = requireIfMatch(req);
    const current = await ownership.current(ref);
    if (!current)
      throw new ApiError(409, 'conflict', 'priority: the team has no active priority', { field: 'priority' });
    const nameOf = await namesOf(ref);
    const changed = answerOutcome(
      await ownership.changeActionStatus(ref, actor, {
        priorityId: current.priority.id,
        actionId,
        status: body.status,
        etag,
      }),
      (value, currentEtag) => {
        const parsed = storedActionSchema.safeParse(value);
        return parsed.success ? actionView(parsed.data, currentEtag, nameOf) : null;
      },
    );
    deps.ownershipCards.refreshAction(ref, changed.priority, changed.action.value, nameOf, null);
    res.setHeader('ETag', changed.action.etag);
    res.json({ action: actionView(changed.action.value, changed.action.etag, nameOf) });
  });

  router.post('/teams/:teamId/priority/assignments', async (req, res) => {
    const { ref, actor } = await deps.teamAccess(req);
    const body = parseInput(assignBody, req.body, 'body');
    await requireMember(ref, 'memberId', body.memberId);
    const assigned = answer(await ownership.assign(ref, actor, body));
    const nameOf = await namesOf(ref);
    const current = await ownership.current(ref);
    if (current) {
      await deps.ownershipCards.postAssignment(ref, current.priority, assigned, nameOf);
      await deps.ownershipCards.askInPersonalChat(ref, current.priority, assigned, nameOf);
    }
    res.status(201).json({ owner: ownerView(assigned, nameOf) });
  });

  router.post('/teams/:teamId/priority/releases', async (req, res) => {
    const { ref, actor } = await deps.teamAccess(req);
    const body = parseInput(releaseBody, req.body, 'body');
    const proposed = answer(await deps.releases.propose(ref, actor.memberId, body.text));
    const roster = (await deps.membership.list(ref)).map((member) => ({
      id: member.memberId,
      aadObjectId: null,
      name: member.name,
    }));
    await deps.releaseCards.postProposal(ref, proposed, roster);
    res.status(201).json({ release: releaseView(proposed.stored, await namesOf(ref)) });
  });

  return router;
}

function releaseView(stored: StoredRelease, nameOf: NameOf) {
  const { item } = stored;
  return {
    id: item.id,
    text: item.text,
    status: item.status,
    proposedBy: item.proposedBy,
    proposedByName: nameOf(item.proposedBy),
    proposedAt: item.proposedAt,
    decidedAt: item.status === 'decided' ? item.closedAt : null,
    consent: item.consent,
    decisionId: stored.decisionId,
    objections: stored.objections.map((objection) => ({ ...objection, name: nameOf(objection.memberId) })),
  };
}

function answer<T>(outcome: Parameters<typeof answerOutcome<T>>[0]): T {
  return answerOutcome(outcome, () => null);
}

function emptyByStatus(): Record<ActionStatus, Array<ReturnType<typeof actionView>>> {
  return { 'not-started': [], 'on-track': [], stuck: [], done: [] };
}

function ownerView(assignment: Assignment, nameOf: NameOf) {
  return {
    memberId: assignment.memberId,
    name: nameOf(assignment.memberId),
    role: assignment.role,
    status: assignment.status,
    pendingRole: assignment.pendingChange?.role ?? null,
    statement: assignment.statement,
    declineReason: assignment.declineReason,
    assignedBy: assignment.assignedBy,
    assignedAt: assignment.assignedAt,
  };
}

function actionView(stored: StoredAction, etag: string, nameOf: NameOf) {
  const { action } = stored;
  return {
    id: action.id,
    title: action.title,
    ownerId: action.ownerId,
    ownerName: nameOf(action.ownerId),
    due: action.due,
    status: action.status,
    updatedAt: action.updatedAt,
    updatedBy: action.updatedBy,
    doneAt: action.doneAt,
    etag,
  };
}
