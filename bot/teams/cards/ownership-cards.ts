// Owners, roles and small next actions on the team's priority: the assignment card, the action card and the owners card.
import {
  ACTION_STATUSES,
  MAX_ACTION_TITLE_LENGTH,
  MAX_DECLINE_REASON_LENGTH,
  MAX_STATEMENT_LENGTH,
  type Action,
  type ActionStatus,
  type Assignment,
  type OwnerRole,
} from '../../domain/ownership';
import {
  actionSet,
  adaptiveCard,
  dateOnly,
  errorBlocks,
  fitCard,
  heading,
  limitList,
  moreLine,
  plainAction,
  safe,
  sectionHeading,
  submitAction,
  subtle,
  textBlock,
  textInput,
  type AdaptiveCard,
  type CardElement,
} from './card-parts';

/** Each role as the cards name it. */
export const roleNames: Readonly<Record<OwnerRole, string>> = {
  lead: 'Lead',
  'co-owner': 'Co-owner',
  contributor: 'Contributor',
  consulted: 'Consulted',
};

const roleMeanings: Readonly<Record<OwnerRole, string>> = {
  lead: 'The lead keeps the work moving and speaks for it; there is one lead.',
  'co-owner': 'A co-owner shares ownership of the outcome with the lead.',
  contributor: 'A contributor takes on part of the work.',
  consulted: 'Consulted members give their view when the owners ask.',
};

/** Each action status as the buttons name it. */
export const statusNames: Readonly<Record<ActionStatus, string>> = {
  'not-started': 'Not started',
  'on-track': 'On track',
  stuck: 'Stuck',
  done: 'Done',
};

/** A member's name by id; the cards never show a bare id. */
export type NameOf = (memberId: string) => string;

/** The priority a card is about. */
export interface PriorityRef {
  id: string;
  title: string;
}

/** What an assignment card shows. */
export interface AssignmentCardView {
  teamId: string;
  priority: PriorityRef;
  assignment: Assignment;
  nameOf: NameOf;
}

export interface AssignmentCardOptions {
  /** `declining` shows the reason input; the default shows the assignment and its buttons. */
  mode?: 'ask' | 'declining';
  /** @mention the assignee so Teams notifies them (posted cards only; an answer replaces it). */
  mention?: boolean;
  error?: string;
  notice?: string;
}

/** The name inside `<at>…</at>`: Teams matches it to the mention entity, so nothing in it may read as markup. */
function mentionText(name: string): string {
  return `<at>${name.replace(/[<>[\](){}*_`\\#|~]/g, '').trim() || 'Member'}</at>`;
}

/**
 * The card that asks a member to take a role: `Accept` and `Decline` (which asks for a reason) while it
 * waits for them, then what they answered, and for an owner a line on their own part (`Save my part`).
 */
export function assignmentCard(view: AssignmentCardView, options: AssignmentCardOptions = {}): AdaptiveCard {
  const { assignment, nameOf } = view;
  const data = { teamId: view.teamId, priorityId: view.priority.id, memberId: assignment.memberId };
  const name = nameOf(assignment.memberId);
  const who = options.mention ? mentionText(name) : `**${safe(name, 80)}**`;
  const asked = assignment.pendingChange?.role ?? assignment.role;
  const askedBy = safe(nameOf(assignment.pendingChange?.proposedBy ?? assignment.assignedBy), 80);
  const waiting = assignment.status === 'proposed' || assignment.pendingChange !== null;
  const body: CardElement[] = [
    ...errorBlocks(options.error),
    ...(options.notice ? [textBlock(safe(options.notice, 300), { weight: 'Bolder', color: 'Good' })] : []),
    subtle('A role on our priority', { spacing: 'None' }),
    heading(safe(view.priority.title, 140)),
  ];
  if (waiting) {
    body.push(
      textBlock(
        assignment.pendingChange
          ? `${who}: ${askedBy} asks you to change from ${roleNames[assignment.role]} to **${roleNames[asked]}**.`
          : `${who}: ${askedBy} asks you to be **${roleNames[asked]}**.`,
      ),
      subtle(roleMeanings[asked]),
      subtle(`Only ${safe(name, 80)} can answer.`),
    );
  } else if (assignment.status === 'accepted') {
    body.push(
      textBlock(`${who} accepted: **${roleNames[assignment.role]}**.`),
      ...(assignment.statement ? [textBlock(`Their part: ${safe(assignment.statement, 200)}`)] : []),
    );
  } else {
    body.push(
      textBlock(`${who} declined the role of ${roleNames[assignment.role]}.`),
      ...(assignment.declineReason ? [subtle(`Why: ${safe(assignment.declineReason, 500)}`)] : []),
    );
  }
  const entities =
    options.mention === true
      ? {
          entities: [
            { type: 'mention', text: mentionText(name), mentioned: { id: assignment.memberId, name } },
          ],
        }
      : {};
  const extra = { msteams: { width: 'Full', ...entities } };
  if (waiting && options.mode === 'declining') {
    body.push(
      textInput('reason', 'Why are you declining?', {
        required: true,
        multiline: true,
        maxLength: MAX_DECLINE_REASON_LENGTH,
        placeholder: 'A reason helps the team find someone else or change the role',
      }),
      actionSet([
        submitAction('Decline', 'assignment.decline.confirm', data),
        plainAction('Back', 'assignment.view', data),
      ]),
    );
    return adaptiveCard(body, [], extra);
  }
  if (waiting) {
    return adaptiveCard(
      body,
      [plainAction('Accept', 'assignment.accept', data), plainAction('Decline', 'assignment.decline', data)],
      extra,
    );
  }
  if (assignment.status === 'accepted') {
    body.push(
      textInput('statement', 'My part, in one line', {
        value: assignment.statement,
        maxLength: MAX_STATEMENT_LENGTH,
        placeholder: 'What I will do for this priority',
      }),
      actionSet([submitAction('Save my part', 'assignment.statement', data)]),
    );
  }
  return adaptiveCard(body, [], extra);
}

/** What an action card shows. */
export interface ActionCardView {
  teamId: string;
  priority: PriorityRef;
  action: Action;
  nameOf: NameOf;
}

/** A small next action with one-tap status buttons for its owner, the lead or a facilitator. */
export function actionCard(
  view: ActionCardView,
  options: { error?: string; notice?: string } = {},
): AdaptiveCard {
  const { action, nameOf } = view;
  const data = { teamId: view.teamId, priorityId: action.priorityId, actionId: action.id };
  return adaptiveCard(
    [
      ...errorBlocks(options.error),
      ...(options.notice ? [textBlock(safe(options.notice, 300), { weight: 'Bolder', color: 'Good' })] : []),
      subtle(`Next action on ${safe(view.priority.title, 80)}`, { spacing: 'None' }),
      heading(safe(action.title, MAX_ACTION_TITLE_LENGTH)),
      {
        type: 'FactSet',
        facts: [
          { title: 'Owner', value: safe(nameOf(action.ownerId), 80) },
          { title: 'Due', value: dateOnly(action.due) },
          { title: 'Status', value: statusNames[action.status] },
        ],
      },
      ...(action.status === 'stuck'
        ? [subtle('Stuck is useful to know, not a failure: say what is in the way at the next check-in.')]
        : []),
      subtle(`Updated by ${safe(nameOf(action.updatedBy), 80)}, ${dateOnly(action.updatedAt)}`),
    ],
    ACTION_STATUSES.map((status) => ({
      ...plainAction(statusNames[status], 'action.status', { ...data, status }),
      ...(status === action.status ? { style: 'positive' } : {}),
    })),
  );
}

/** Everything the owners card lists. */
export interface OwnersCardView {
  priority: PriorityRef | null;
  assignments: readonly Assignment[];
  actions: readonly Action[];
  nameOf: NameOf;
}

const roleOrder = (role: OwnerRole) => ['lead', 'co-owner', 'contributor', 'consulted'].indexOf(role);

/** The answer to `owners`: who holds which role (and who was asked), and the actions by status. */
export function ownersCard(view: OwnersCardView): AdaptiveCard {
  const priority = view.priority;
  if (priority === null) {
    return adaptiveCard([
      heading('Owners and actions'),
      textBlock('There is no active priority yet. Choose one with a vote, then name its owners.'),
    ]);
  }
  const assignments = [...view.assignments].sort(
    (a, b) => roleOrder(a.role) - roleOrder(b.role) || a.assignedAt.localeCompare(b.assignedAt),
  );
  return fitCard((detail) => {
    const { shown, more } = limitList(assignments, detail.listMax * 2);
    const owners: CardElement[] =
      assignments.length === 0
        ? [
            textBlock(
              'No owners yet. Name them: assign @person as lead (or co-owner, contributor, consulted).',
            ),
          ]
        : [
            ...shown.map((assignment) => ownerLine(assignment, view.nameOf, detail.textMax)),
            ...moreLine(more),
          ];
    const actions: CardElement[] =
      view.actions.length === 0
        ? [textBlock('No actions yet. Add one: action <what to do> for @person by <date>.')]
        : ACTION_STATUSES.flatMap((status) => {
            const inStatus = view.actions
              .filter((action) => action.status === status)
              .sort((a, b) => a.due.localeCompare(b.due));
            if (inStatus.length === 0) return [];
            const listed = limitList(inStatus, detail.listMax);
            return [
              textBlock(`${statusNames[status]} (${inStatus.length})`, {
                weight: 'Bolder',
                spacing: 'Small',
              }),
              ...listed.shown.map((action) =>
                textBlock(
                  `${safe(action.title, detail.titleMax)} — ${safe(view.nameOf(action.ownerId), 60)}, due ${dateOnly(action.due)}`,
                  { spacing: 'None' },
                ),
              ),
              ...moreLine(listed.more),
            ];
          });
    return adaptiveCard([
      subtle('Owners and actions', { spacing: 'None' }),
      heading(safe(priority.title, detail.titleMax)),
      sectionHeading('Owners'),
      ...owners,
      sectionHeading('Actions'),
      ...actions,
    ]);
  });
}

function ownerLine(assignment: Assignment, nameOf: NameOf, textMax: number): CardElement {
  const name = `**${safe(nameOf(assignment.memberId), 80)}**`;
  const role = roleNames[assignment.role];
  const line =
    assignment.status === 'accepted'
      ? `${name} — ${role}${assignment.pendingChange ? ` (asked to become ${roleNames[assignment.pendingChange.role]})` : ''}`
      : assignment.status === 'proposed'
        ? `${name} — asked to be ${role}, not answered yet`
        : `${name} — declined ${role}`;
  const items: CardElement[] = [textBlock(line, { spacing: 'None' })];
  if (assignment.status !== 'declined' && assignment.statement)
    items.push(subtle(safe(assignment.statement, Math.min(textMax, 200))));
  return { type: 'Container', spacing: 'Small', items };
}

/** An accepted owner as the priority card lists them. */
export interface OwnerSummary {
  name: string;
  role: OwnerRole;
  statement: string | null;
}

/** The accepted owners of a priority, lead first, for the priority card. */
export function ownerSummaries(assignments: readonly Assignment[], nameOf: NameOf): OwnerSummary[] {
  return assignments
    .filter((assignment) => assignment.status === 'accepted')
    .sort((a, b) => roleOrder(a.role) - roleOrder(b.role))
    .map((assignment) => ({
      name: nameOf(assignment.memberId),
      role: assignment.role,
      statement: assignment.statement,
    }));
}
