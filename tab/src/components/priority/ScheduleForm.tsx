import { useState, type FormEvent } from 'react';
import { Button, Field, Input, Select } from '@fluentui/react-components';
import { toApiError } from '../../api';
import type { PriorityClient } from '../../priority/priority-api';
import { parseTime } from '../../priority/priority-input';
import { WEEKDAYS, type CheckInSettings } from '../../priority/priority-schemas';
import { useLayoutStyles } from '../layout-styles';

const EVERY_WEEKS = [1, 2, 3, 4];

function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** A facilitator's cadence: weekday, time, every how many weeks, in which zone; or no check-ins at all. */
export function ScheduleForm({
  client,
  settings,
  onSaved,
}: {
  client: PriorityClient;
  settings: CheckInSettings;
  onSaved: () => void;
}) {
  const ls = useLayoutStyles();
  const current = settings.schedule;
  const pad = (n: number) => String(n).padStart(2, '0');
  const [weekday, setWeekday] = useState(String(current?.weekday ?? 2));
  const [time, setTime] = useState(current ? `${pad(current.hour)}:${pad(current.minute)}` : '15:30');
  const [everyWeeks, setEveryWeeks] = useState(String(current?.everyWeeks ?? 1));
  const [timeZone, setTimeZone] = useState(current?.timeZone ?? browserTimeZone());
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (schedule: Parameters<PriorityClient['setSchedule']>[0]) => {
    setSaving(true);
    try {
      await client.setSchedule(schedule, settings.breaks);
      setError(null);
      onSaved();
    } catch (failure) {
      const failed = toApiError(failure);
      setError({ field: failed.details.field ?? 'form', message: failed.message });
    } finally {
      setSaving(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const at = parseTime(time);
    if (!at) {
      setError({ field: 'time', message: 'Enter the time as HH:MM, e.g. 15:30.' });
      return;
    }
    if (timeZone.trim() === '') {
      setError({ field: 'timeZone', message: 'Enter the team’s time zone, e.g. Europe/London.' });
      return;
    }
    void save({
      weekday: Number(weekday),
      ...at,
      everyWeeks: Number(everyWeeks),
      timeZone: timeZone.trim(),
    });
  };
  const fieldError = (field: string) => (error?.field.includes(field) ? error.message : undefined);
  const formError =
    error && !['time', 'timeZone'].some((field) => error.field.includes(field)) ? error : null;

  return (
    <form className={ls.form} onSubmit={submit} noValidate aria-label="Check-in schedule">
      <div className={ls.row}>
        <Field label="Weekday">
          <Select value={weekday} onChange={(_, data) => setWeekday(data.value)}>
            {WEEKDAYS.map((name, index) => (
              <option key={name} value={String(index)}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Time" validationMessage={fieldError('time')}>
          <Input type="time" value={time} onChange={(_, data) => setTime(data.value)} />
        </Field>
        <Field label="Every">
          <Select value={everyWeeks} onChange={(_, data) => setEveryWeeks(data.value)}>
            {EVERY_WEEKS.map((weeks) => (
              <option key={weeks} value={String(weeks)}>
                {weeks === 1 ? 'week' : `${weeks} weeks`}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Time zone" validationMessage={fieldError('timeZone')}>
          <Input value={timeZone} onChange={(_, data) => setTimeZone(data.value)} />
        </Field>
      </div>
      {formError && (
        <p className={ls.error} role="alert">
          {formError.message}
        </p>
      )}
      <div className={ls.row}>
        <Button type="submit" appearance="primary" disabled={saving}>
          Save schedule
        </Button>
        {current && (
          <Button type="button" disabled={saving} onClick={() => void save(null)}>
            Turn off check-ins
          </Button>
        )}
      </div>
    </form>
  );
}
