import { Router } from 'express';
import { z } from 'zod';
import type { CheckInService } from '../app/check-in-service';
import type { CheckInSettings } from '../app/check-in-stores';
import type { TeamMembership } from '../app/team-membership';
import type { TeamRef } from '../app/team-ref';
import { MAX_BREAK_NAME_LENGTH, MAX_EVERY_WEEKS } from '../domain/ownership';
import { answerOutcome } from './board-answer';
import { parseInput } from './request-schemas';
import type { ResolveTeamAccess } from './team-access';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const whole = (min: number, max: number) => z.number().int().min(min).max(max);
const settingsBody = z
  .object({
    schedule: z
      .object({
        weekday: whole(0, 6),
        hour: whole(0, 23),
        minute: whole(0, 59).optional(),
        everyWeeks: whole(1, MAX_EVERY_WEEKS).optional(),
        timeZone: z.string().min(1).max(100),
      })
      .strict()
      .nullable(),
    breaks: z
      .array(z.object({ from: isoDay, to: isoDay, name: z.string().max(MAX_BREAK_NAME_LENGTH) }).strict())
      .max(50),
  })
  .strict();
const noQuery = z.object({}).strict();

/** The tab's check-ins: the cadence and school breaks (read by members, changed by facilitators) and the timeline. */
export function createCheckInRoutes(deps: {
  teamAccess: ResolveTeamAccess;
  checkIns: CheckInService;
  membership: TeamMembership;
}): Router {
  const router = Router();
  const { checkIns } = deps;

  const settingsView = (settings: CheckInSettings | null, facilitator: boolean) => ({
    schedule: settings?.schedule ?? null,
    breaks: settings?.breaks ?? [],
    timeZone: settings?.timeZone ?? null,
    nextRoundAt: settings?.nextRoundAt ?? null,
    facilitator,
  });

  router.get('/teams/:teamId/priority/check-ins', async (req, res) => {
    const { ref, actor } = await deps.teamAccess(req);
    parseInput(noQuery, req.query, 'query');
    const row = await checkIns.settings(ref);
    res.setHeader('Cache-Control', 'no-cache');
    if (row) res.setHeader('ETag', row.etag);
    res.json(settingsView(row?.value ?? null, await checkIns.isFacilitator(ref, actor)));
  });

  router.put('/teams/:teamId/priority/check-ins', async (req, res) => {
    const { ref, actor } = await deps.teamAccess(req);
    const body = parseInput(settingsBody, req.body, 'body');
    const etag = req.header('if-match')?.trim();
    const saved = answerOutcome(
      await checkIns.replace(ref, actor, {
        schedule: body.schedule,
        breaks: body.breaks,
        ...(etag ? { etag } : {}),
      }),
      (value) => value,
    );
    res.setHeader('ETag', saved.etag);
    res.json(settingsView(saved.value, true));
  });

  router.get('/teams/:teamId/priority/timeline', async (req, res) => {
    const { ref } = await deps.teamAccess(req);
    parseInput(noQuery, req.query, 'query');
    const rounds = await checkIns.timeline(ref);
    const nameOf = await namesOf(deps.membership, ref);
    const person = (memberId: string) => ({ memberId, name: nameOf(memberId) });
    res.setHeader('Cache-Control', 'no-cache');
    res.json({
      rounds: rounds.map((entry) => ({
        roundId: entry.roundId,
        priorityId: entry.priorityId,
        priorityTitle: entry.priorityTitle,
        status: entry.status,
        dueAt: entry.summary.dueAt,
        closedAt: entry.closedAt,
        actionsByStatus: entry.summary.actionsByStatus,
        checkedIn: entry.summary.checkedIn.map(person),
        notCheckedIn: entry.summary.notCheckedIn.map(person),
        stuck: entry.summary.stuck.map((each) => ({ ...each, ownerName: nameOf(each.ownerId) })),
        answers: entry.summary.answers.map((answer) => ({
          ...person(answer.memberId),
          tried: answer.tried,
          happened: answer.happened,
          learned: answer.learned,
          answeredAt: answer.answeredAt,
        })),
      })),
    });
  });

  return router;
}

async function namesOf(membership: TeamMembership, team: TeamRef): Promise<(memberId: string) => string> {
  const names = new Map((await membership.list(team)).map((member) => [member.memberId, member.name]));
  return (memberId) => names.get(memberId) ?? 'A former member';
}
