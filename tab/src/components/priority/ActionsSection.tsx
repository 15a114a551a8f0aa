import { useState } from 'react';
import { toApiError, type ApiError } from '../../api';
import type { PriorityClient } from '../../priority/priority-api';
import {
  ACTION_STATUS_OPTIONS,
  type Action,
  type ActionStatus,
  type Ownership,
  type TeamMember,
} from '../../priority/priority-schemas';
import { formatDay } from '../../vision/format';
import { useLayoutStyles } from '../layout-styles';
import { useSectionStyles } from '../styles';
import { AddActionForm } from './AddActionForm';
import { StatusButtons } from './StatusButtons';

/** The priority's small next actions by status, each with its one-tap status, and the form to add one. */
export function ActionsSection({
  client,
  actions,
  members,
  onChanged,
  onError,
}: {
  client: PriorityClient;
  actions: Ownership['actions'];
  members: TeamMember[];
  onChanged: () => void;
  onError: (error: ApiError) => void;
}) {
  const section = useSectionStyles();
  const ls = useLayoutStyles();
  const [busy, setBusy] = useState<string | null>(null);

  const change = async (action: Action, status: ActionStatus) => {
    setBusy(action.id);
    try {
      await client.changeStatus(action, status);
    } catch (error) {
      onError(toApiError(error));
    } finally {
      setBusy(null);
      // Also after a 412: the action as it is now replaces the stale one.
      onChanged();
    }
  };

  const total = ACTION_STATUS_OPTIONS.reduce((sum, option) => sum + (actions[option.status]?.length ?? 0), 0);
  return (
    <section className={section.section} aria-labelledby="actions-heading">
      <h2 id="actions-heading" className={section.heading}>
        Next actions
      </h2>
      {total === 0 && (
        <p className={section.muted}>
          No actions yet. Small next steps, each with one owner and a due date, keep the priority moving.
        </p>
      )}
      {ACTION_STATUS_OPTIONS.map(({ status, label }) => {
        const inStatus = actions[status] ?? [];
        if (inStatus.length === 0) return null;
        const headingId = `actions-${status}-heading`;
        return (
          <div key={status} className={ls.stack}>
            <h3 id={headingId} className={ls.heading3}>
              {label} ({inStatus.length})
            </h3>
            <ul className={ls.list} aria-labelledby={headingId}>
              {inStatus.map((action) => (
                <li key={action.id} className={ls.card} aria-label={action.title}>
                  <p className={ls.text}>{action.title}</p>
                  <p className={ls.muted}>
                    {action.ownerName} · due <time dateTime={action.due}>{formatDay(action.due)}</time>
                  </p>
                  <StatusButtons
                    label={`Status of ${action.title}`}
                    status={action.status}
                    busy={busy === action.id}
                    onChange={(next) => void change(action, next)}
                  />
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      <AddActionForm client={client} members={members} onAdded={onChanged} />
    </section>
  );
}
