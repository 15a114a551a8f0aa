import type { PriorityClient } from '../../priority/priority-api';
import {
  WEEKDAYS,
  type CheckInSchedule,
  type CheckInSettings,
  type Round,
} from '../../priority/priority-schemas';
import { formatDay, formatMoment } from '../../vision/format';
import { useLayoutStyles } from '../layout-styles';
import { useSectionStyles } from '../styles';
import { ScheduleForm } from './ScheduleForm';
import { Timeline } from './Timeline';

function describeSchedule(schedule: CheckInSchedule): string {
  const time = `${String(schedule.hour).padStart(2, '0')}:${String(schedule.minute).padStart(2, '0')}`;
  const every = schedule.everyWeeks === 1 ? 'Every week' : `Every ${schedule.everyWeeks} weeks`;
  return `${every} on ${WEEKDAYS[schedule.weekday] ?? '?'} at ${time} (${schedule.timeZone})`;
}

/** When the owners check in, the school breaks that pause it, and the timeline of past rounds. */
export function CheckInsSection({
  client,
  settings,
  rounds,
  onChanged,
}: {
  client: PriorityClient;
  settings: CheckInSettings;
  rounds: Round[];
  onChanged: () => void;
}) {
  const section = useSectionStyles();
  const ls = useLayoutStyles();
  const { schedule, breaks, nextRoundAt } = settings;
  return (
    <section className={section.section} aria-labelledby="check-ins-heading">
      <h2 id="check-ins-heading" className={section.heading}>
        Check-ins
      </h2>
      {schedule ? (
        <p className={ls.text}>
          {describeSchedule(schedule)}.
          {nextRoundAt && (
            <>
              {' '}
              Next check-in: <time dateTime={nextRoundAt}>{formatMoment(nextRoundAt)}</time>.
            </>
          )}
        </p>
      ) : (
        <p className={section.muted}>
          No check-ins scheduled. A facilitator sets the cadence here or with{' '}
          <code className={section.command}>check-ins Tuesday 15:30</code> in the channel.
        </p>
      )}
      {breaks.length > 0 && (
        <ul className={ls.list} aria-label="School breaks">
          {breaks.map((each) => (
            <li key={`${each.from}-${each.to}`} className={ls.muted}>
              {each.name || 'Break'}: {formatDay(each.from)} to {formatDay(each.to)}, no check-ins
            </li>
          ))}
        </ul>
      )}
      {settings.facilitator && <ScheduleForm client={client} settings={settings} onSaved={onChanged} />}
      <Timeline rounds={rounds} />
    </section>
  );
}
