import { fail, ok, type Result } from '../voting/result';
import { checkNow, checkOpen, checkText, isFacilitator } from './board-rules';
import { QUADRANTS, type BoardActor, type Quadrant, type SwotGroup, type SwotSession } from './swot-types';

export const MAX_GROUP_NAME_LENGTH = 80;

/** Any member names a theme in a quadrant; names are unique per quadrant, ignoring case (SW-7). */
export function createSwotGroup(
  session: SwotSession,
  input: {
    readonly id: string;
    readonly quadrant: Quadrant;
    readonly name: string;
    readonly actor: BoardActor;
    readonly now: string;
  },
  groups: readonly SwotGroup[],
): Result<SwotGroup> {
  const open = checkOpen(session);
  if (!open.ok) return open;
  const now = checkNow(input.now);
  if (!now.ok) return now;
  if (!QUADRANTS.includes(input.quadrant)) return fail('quadrant', `expected one of ${QUADRANTS.join(', ')}`);
  const name = checkUniqueName(input.name, input.quadrant, groups, null);
  if (!name.ok) return name;
  return ok({
    id: input.id,
    sessionId: session.id,
    quadrant: input.quadrant,
    name: name.value,
    createdBy: input.actor.memberId,
    createdAt: input.now,
    promotion: null,
  });
}

/** Renames a group: its creator, the facilitator or a team owner (SW-7). */
export function renameSwotGroup(
  session: SwotSession,
  group: SwotGroup,
  name: string,
  actor: BoardActor,
  groups: readonly SwotGroup[],
): Result<SwotGroup> {
  const allowed = checkGroupChange(session, group, actor);
  if (!allowed.ok) return allowed;
  const checked = checkUniqueName(name, group.quadrant, groups, group.id);
  return checked.ok ? ok({ ...group, name: checked.value }) : checked;
}

/** Checks that the actor may remove the group; its items stay, ungrouped (SW-7, SW-9). */
export function checkDeleteSwotGroup(
  session: SwotSession,
  group: SwotGroup,
  actor: BoardActor,
): Result<SwotGroup> {
  return checkGroupChange(session, group, actor);
}

function checkGroupChange(session: SwotSession, group: SwotGroup, actor: BoardActor): Result<SwotGroup> {
  const open = checkOpen(session);
  if (!open.ok) return open;
  if (group.createdBy !== actor.memberId && !isFacilitator(session, actor))
    return fail('group', 'only the member who made this group or the facilitator can change it');
  return ok(group);
}

function checkUniqueName(
  value: string,
  quadrant: Quadrant,
  groups: readonly SwotGroup[],
  exceptId: string | null,
): Result<string> {
  const name = checkText('name', value, MAX_GROUP_NAME_LENGTH);
  if (!name.ok) return name;
  const taken = groups.some(
    (group) =>
      group.id !== exceptId &&
      group.quadrant === quadrant &&
      group.name.toLocaleLowerCase() === name.value.toLocaleLowerCase(),
  );
  return taken ? fail('name', `${quadrant} already has a group called "${name.value}"`) : ok(name.value);
}
