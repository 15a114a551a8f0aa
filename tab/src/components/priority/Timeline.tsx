import { Badge } from '@fluentui/react-components';
import { ACTION_STATUS_OPTIONS, type Round } from '../../priority/priority-schemas';
import { formatDay } from '../../vision/format';
import { useLayoutStyles } from '../layout-styles';

/** Each check-in round (the server sends them newest first): who checked in, the actions by status, and what was learned. */
export function Timeline({ rounds }: { rounds: Round[] }) {
  const ls = useLayoutStyles();
  if (rounds.length === 0)
    return <p className={ls.muted}>No check-ins yet: each round’s summary is kept here.</p>;
  return (
    <div className={ls.stack}>
      <h3 id="timeline-heading" className={ls.heading3}>
        Timeline
      </h3>
      <ol className={ls.list} aria-labelledby="timeline-heading">
        {rounds.map((round) => {
          const expected = round.checkedIn.length + round.notCheckedIn.length;
          return (
            <li key={round.roundId} className={ls.card} aria-label={`Check-in of ${formatDay(round.dueAt)}`}>
              <div className={ls.row}>
                <span className={ls.text}>
                  <strong>
                    Check-in of <time dateTime={round.dueAt}>{formatDay(round.dueAt)}</time>
                  </strong>
                </span>
                {round.status === 'open' ? (
                  <Badge appearance="tint" color="brand">
                    Open
                  </Badge>
                ) : (
                  <Badge appearance="outline">Closed</Badge>
                )}
              </div>
              <p className={ls.muted}>
                {round.checkedIn.length} of {expected} checked in
                {round.checkedIn.length > 0 && `: ${round.checkedIn.map((person) => person.name).join(', ')}`}
              </p>
              <p className={ls.muted}>
                Actions:{' '}
                {ACTION_STATUS_OPTIONS.map(
                  (option) => `${option.label} ${round.actionsByStatus[option.status] ?? 0}`,
                ).join(' · ')}
              </p>
              {round.stuck.map((stuck) => (
                <p key={stuck.actionId} className={ls.muted}>
                  Stuck, to learn from: {stuck.title} ({stuck.ownerName})
                </p>
              ))}
              {round.answers.map((answer) => (
                <div key={answer.memberId} className={ls.stack}>
                  <p className={ls.text}>
                    <strong>{answer.name}</strong>
                  </p>
                  {answer.tried && <p className={ls.text}>Tried: {answer.tried}</p>}
                  {answer.happened && <p className={ls.text}>What happened: {answer.happened}</p>}
                  {answer.learned && <p className={ls.text}>Learned: {answer.learned}</p>}
                </div>
              ))}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
