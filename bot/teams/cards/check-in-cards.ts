// Check-ins and reminders: the round's shared card, each owner's form, the closed round's summary, the reminder.
import {
  ACTION_STATUSES,
  MAX_ANSWER_LENGTH,
  checkedIn,
  type Action,
  type CheckInRound,
  type RoundSummary,
} from '../../domain/ownership';
import {
  adaptiveCard,
  choiceInput,
  dateOnly,
  dateTime,
  errorBlocks,
  executeAction,
  fitCard,
  heading,
  limitList,
  moreLine,
  plain,
  plainAction,
  safe,
  sectionHeading,
  submitAction,
  subtle,
  textBlock,
  textInput,
  type AdaptiveCard,
  type CardElement,
  type Detail,
} from './card-parts';
import { statusNames, type NameOf, type PriorityRef } from './ownership-cards';

/** Teams refreshes a card by itself for at most 60 listed users. */
const maxRefreshUsers = 60;

/** What every view of a round's card shows. */
export interface CheckInCardView {
  teamId: string;
  round: CheckInRound;
  priorityTitle: string;
  nameOf: NameOf;
}

/** The member looking at the card: an expected owner sees their form, with their own actions' statuses. */
export interface CheckInViewer {
  memberId: string;
  /** The viewer's actions on the priority that are not done (their status inputs). */
  actions: readonly Action[];
  isFacilitator: boolean;
  error?: string;
  notice?: string;
}

const roundData = (view: CheckInCardView) => ({ teamId: view.teamId, roundId: view.round.id });

function names(ids: readonly string[], nameOf: NameOf, detail: Detail): string {
  const { shown, more } = limitList(ids, detail.listMax * 4);
  const listed = shown.map((id) => safe(nameOf(id), 60)).join(', ');
  return more > 0 ? `${listed} and ${more} more` : listed;
}

// The same header on every view, so a refresh changes only the member's own part.
function header(view: CheckInCardView, detail: Detail): CardElement[] {
  const { round, nameOf } = view;
  const answered = checkedIn(round);
  return [
    subtle(`Check-in, ${dateTime(round.dueAt)}`, { spacing: 'None' }),
    heading(safe(view.priorityTitle, detail.titleMax)),
    textBlock(
      'What did you try, what happened, what did you learn? A setback is learning for the team, not blame.',
      { spacing: 'Small' },
    ),
    textBlock(`Owners: ${names(round.expectedOwners, nameOf, detail)}`, { spacing: 'Small' }),
    textBlock(
      `Checked in (${answered.length} of ${round.expectedOwners.length})${answered.length > 0 ? `: ${names(answered, nameOf, detail)}` : ''}`,
      { weight: 'Bolder', spacing: 'Small' },
    ),
  ];
}

function refreshOf(view: CheckInCardView): AdaptiveCard['refresh'] {
  return {
    action: executeAction('Check in', 'checkin.view', roundData(view)),
    userIds: view.round.expectedOwners.slice(0, maxRefreshUsers),
  };
}

/** The card posted in the channel: who is expected and who has checked in, with `Check in` and `Close check-in`. */
export function checkInSharedCard(view: CheckInCardView): AdaptiveCard {
  if (view.round.closedAt !== null) return checkInClosedCard(view);
  return fitCard((detail) =>
    adaptiveCard(
      header(view, detail),
      [
        plainAction('Check in', 'checkin.view', roundData(view)),
        plainAction('Close check-in', 'checkin.close', roundData(view)),
      ],
      { refresh: refreshOf(view) },
    ),
  );
}

/**
 * What one member sees: an expected owner gets "What I tried", "What happened", "What I learned" (their
 * earlier answer filled in) and a status for each of their actions, with `Check in`; others see the card.
 */
export function checkInFormCard(view: CheckInCardView, viewer: CheckInViewer): AdaptiveCard {
  if (view.round.closedAt !== null) return checkInClosedCard(view);
  const data = roundData(view);
  const isOwner = view.round.expectedOwners.includes(viewer.memberId);
  const mine = view.round.answers.find((answer) => answer.memberId === viewer.memberId) ?? null;
  const closeAction = viewer.isFacilitator ? [plainAction('Close check-in', 'checkin.close', data)] : [];
  return fitCard((detail) => {
    const body: CardElement[] = [
      ...errorBlocks(viewer.error),
      ...(viewer.notice ? [textBlock(safe(viewer.notice, 300), { weight: 'Bolder', color: 'Good' })] : []),
      ...header(view, detail),
    ];
    if (!isOwner) {
      body.push(subtle('Only the owners expected at this check-in answer it.'));
      return adaptiveCard(body, closeAction, { refresh: refreshOf(view) });
    }
    const field = (id: 'tried' | 'happened' | 'learned', label: string, placeholder: string) =>
      textInput(id, label, {
        value: mine?.[id] ?? null,
        multiline: true,
        maxLength: MAX_ANSWER_LENGTH,
        placeholder,
      });
    body.push(
      sectionHeading(mine ? 'Your check-in (you can change it)' : 'Your check-in'),
      field('tried', 'What I tried', 'A small step you took since the last check-in'),
      field('happened', 'What happened', 'What you saw, good or bad'),
      field('learned', 'What I learned', 'What the team can take from it'),
      ...viewer.actions.slice(0, detail.listMax).map((action) =>
        choiceInput(
          `status_${action.id}`,
          `${plain(action.title, detail.titleMax)} (due ${new Date(action.due).toISOString().slice(0, 10)})`,
          ACTION_STATUSES.map((status) => ({ title: statusNames[status], value: status })),
          { value: action.status },
        ),
      ),
    );
    return adaptiveCard(body, [submitAction('Check in', 'checkin.answer', data), ...closeAction], {
      refresh: refreshOf(view),
    });
  });
}

/** The closed round: counts by status, who checked in and who did not, what was learned. */
export function checkInClosedCard(view: CheckInCardView): AdaptiveCard {
  const { round, nameOf } = view;
  return fitCard((detail) => {
    const summary = round.summary;
    const body: CardElement[] = [
      subtle(`Check-in of ${dateOnly(round.dueAt)}, closed`, { spacing: 'None' }),
      heading(safe(view.priorityTitle, detail.titleMax)),
    ];
    if (summary) body.push(...summaryBlocks(summary, nameOf, detail));
    return adaptiveCard(body);
  });
}

/** A round's summary as card blocks (also the timeline's words). */
export function summaryBlocks(summary: RoundSummary, nameOf: NameOf, detail: Detail): CardElement[] {
  const counts = ACTION_STATUSES.map(
    (status) => `${statusNames[status]}: ${summary.actionsByStatus[status]}`,
  );
  const learnings = summary.answers.filter((answer) => answer.learned !== '');
  const listed = limitList(learnings, detail.listMax);
  const stuck = limitList(summary.stuck, detail.listMax);
  return [
    textBlock(`Actions — ${counts.join(' · ')}`, { spacing: 'Small' }),
    textBlock(
      `Checked in: ${summary.checkedIn.length > 0 ? names(summary.checkedIn, nameOf, detail) : 'nobody'}`,
      { spacing: 'Small' },
    ),
    ...(summary.notCheckedIn.length > 0
      ? [subtle(`Not checked in: ${names(summary.notCheckedIn, nameOf, detail)}`)]
      : []),
    ...(stuck.shown.length > 0
      ? [
          sectionHeading('Stuck (learning, not blame)'),
          ...stuck.shown.map((each) =>
            textBlock(`${safe(each.title, detail.titleMax)} — ${safe(nameOf(each.ownerId), 60)}`, {
              spacing: 'None',
            }),
          ),
          ...moreLine(stuck.more),
        ]
      : []),
    ...(listed.shown.length > 0
      ? [
          sectionHeading('What we learned'),
          ...listed.shown.map((answer) =>
            textBlock(`**${safe(nameOf(answer.memberId), 60)}**: ${safe(answer.learned, detail.textMax)}`, {
              spacing: 'Small',
            }),
          ),
          ...moreLine(listed.more),
        ]
      : []),
  ];
}

/** What a reminder card names. */
export interface ReminderCardView {
  teamId: string;
  priority: PriorityRef;
  action: Action;
  kind: 'due-soon' | 'overdue';
  nameOf: NameOf;
}

/** The name inside `<at>…</at>`: Teams matches it to the mention entity, so nothing in it may read as markup. */
function mentionText(name: string): string {
  return `<at>${name.replace(/[<>[\](){}*_`\\#|~]/g, '').trim() || 'Member'}</at>`;
}

/**
 * A reminder to an action's owner, with one-tap status buttons; in the channel it @mentions them so
 * Teams notifies them (`mention`), in personal chat it speaks to them directly.
 */
export function reminderCard(view: ReminderCardView, options: { mention: boolean }): AdaptiveCard {
  const { action, nameOf } = view;
  const name = nameOf(action.ownerId);
  const who = options.mention ? `${mentionText(name)}, a` : 'A';
  const when =
    view.kind === 'overdue'
      ? `was due ${dateOnly(action.due)} and is not done yet`
      : `is due ${dateTime(action.due)}`;
  const data = { teamId: view.teamId, priorityId: action.priorityId, actionId: action.id };
  const extra = options.mention
    ? {
        msteams: {
          width: 'Full',
          entities: [{ type: 'mention', text: mentionText(name), mentioned: { id: action.ownerId, name } }],
        },
      }
    : {};
  return adaptiveCard(
    [
      subtle(`Reminder · ${safe(view.priority.title, 80)}`, { spacing: 'None' }),
      heading(safe(action.title, 200)),
      textBlock(`${who} small step of yours ${when}. Status: **${statusNames[action.status]}**.`),
      subtle('Stuck is worth saying too: it helps the team see what is in the way.'),
    ],
    ACTION_STATUSES.map((status) => plainAction(statusNames[status], 'action.status', { ...data, status })),
    extra,
  );
}
