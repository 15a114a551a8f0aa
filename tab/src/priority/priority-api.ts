import { z } from '../zod';
import { requestJson, type Identity, type RequestOptions } from '../api';
import { parserOf } from '../swot/swot-schemas';
import {
  actionSchema,
  checkInSettingsSchema,
  memberSchema,
  ownerSchema,
  ownershipSchema,
  releaseSchema,
  roundSchema,
  type Action,
  type ActionStatus,
  type CheckInSchedule,
  type CheckInSettings,
  type Owner,
  type OwnerRole,
  type Ownership,
  type Release,
  type Round,
  type SchoolBreak,
  type TeamMember,
} from './priority-schemas';

/** The active priority's follow-through, as the member it was made for. */
export interface PriorityClient {
  ownership(signal?: AbortSignal): Promise<Ownership>;
  checkIns(signal?: AbortSignal): Promise<CheckInSettings>;
  timeline(signal?: AbortSignal): Promise<Round[]>;
  members(signal?: AbortSignal): Promise<TeamMember[]>;
  addAction(input: { title: string; ownerId: string; due?: string }): Promise<Action>;
  /** Conditional on the action's ETag: a change made meanwhile (e.g. on the card) answers 412. */
  changeStatus(action: Action, status: ActionStatus): Promise<Action>;
  assign(input: { memberId: string; role: OwnerRole }): Promise<Owner>;
  proposeRelease(text: string): Promise<Release>;
  setSchedule(schedule: CheckInSchedule | null, breaks: SchoolBreak[]): Promise<CheckInSettings>;
}

const ownershipBody = parserOf(ownershipSchema);
const checkInsBody = parserOf(checkInSettingsSchema);
const timelineBody = parserOf(z.object({ rounds: z.array(roundSchema) }).transform((body) => body.rounds));
const membersBody = parserOf(z.object({ members: z.array(memberSchema) }).transform((body) => body.members));
const actionBody = parserOf(z.object({ action: actionSchema }).transform((body) => body.action));
const ownerBody = parserOf(z.object({ owner: ownerSchema }).transform((body) => body.owner));
const releaseBody = parserOf(z.object({ release: releaseSchema }).transform((body) => body.release));

export function createPriorityClient(identity: Identity, teamId: string): PriorityClient {
  const team = `/api/teams/${encodeURIComponent(teamId)}`;
  const base = `${team}/priority`;
  const read = (signal?: AbortSignal): RequestOptions => (signal ? { signal } : {});
  const call = <T>(path: string, options: RequestOptions, parse: (body: unknown) => T | null) =>
    requestJson(identity, path, options, parse);

  return {
    ownership: (signal) => call(base, read(signal), ownershipBody),
    checkIns: (signal) => call(`${base}/check-ins`, read(signal), checkInsBody),
    timeline: (signal) => call(`${base}/timeline`, read(signal), timelineBody),
    members: (signal) => call(`${team}/members`, read(signal), membersBody),
    addAction: (input) => call(`${base}/actions`, { method: 'POST', body: input }, actionBody),
    changeStatus: (action, status) =>
      call(
        `${base}/actions/${encodeURIComponent(action.id)}`,
        { method: 'PATCH', body: { status }, headers: { 'If-Match': action.etag } },
        actionBody,
      ),
    assign: (input) => call(`${base}/assignments`, { method: 'POST', body: input }, ownerBody),
    proposeRelease: (text) => call(`${base}/releases`, { method: 'POST', body: { text } }, releaseBody),
    setSchedule: (schedule, breaks) =>
      call(`${base}/check-ins`, { method: 'PUT', body: { schedule, breaks } }, checkInsBody),
  };
}
