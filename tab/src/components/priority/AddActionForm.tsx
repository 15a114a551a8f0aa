import { useState, type FormEvent } from 'react';
import { Button, Field, Input } from '@fluentui/react-components';
import { toApiError } from '../../api';
import type { PriorityClient } from '../../priority/priority-api';
import { checkNewAction, localDay } from '../../priority/priority-input';
import { MAX_ACTION_TITLE, type TeamMember } from '../../priority/priority-schemas';
import { useLayoutStyles } from '../layout-styles';
import { MemberSelect } from './MemberSelect';

type Errors = Partial<Record<'title' | 'ownerId' | 'due' | 'form', string>>;

/** Adds a small next action: what, who, by when (two weeks from now when no date is given). */
export function AddActionForm({
  client,
  members,
  onAdded,
}: {
  client: PriorityClient;
  members: TeamMember[];
  onAdded: () => void;
}) {
  const ls = useLayoutStyles();
  const [title, setTitle] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [due, setDue] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkNewAction({ title, ownerId, due }, localDay(new Date()));
    if (!checked.ok) {
      setErrors({ [checked.field]: checked.message });
      return;
    }
    setSaving(true);
    try {
      await client.addAction(checked.value);
      setTitle('');
      setDue('');
      setErrors({});
      onAdded();
    } catch (error) {
      const failed = toApiError(error);
      const field = failed.details.field;
      setErrors(
        field === 'title' || field === 'ownerId' || field === 'due'
          ? { [field]: failed.message }
          : { form: failed.message },
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className={ls.form} onSubmit={(event) => void submit(event)} noValidate aria-label="Add an action">
      <Field
        label="Action"
        required
        validationMessage={errors.title}
        hint={`One small step, at most ${MAX_ACTION_TITLE} characters.`}
      >
        <Input
          value={title}
          onChange={(_, data) => {
            setTitle(data.value);
            setErrors({});
          }}
        />
      </Field>
      <MemberSelect
        label="Owner"
        members={members}
        value={ownerId}
        error={errors.ownerId}
        onChange={(value) => {
          setOwnerId(value);
          setErrors({});
        }}
      />
      <Field label="Due" validationMessage={errors.due} hint="Leave empty for two weeks from today.">
        <Input
          type="date"
          value={due}
          min={localDay(new Date())}
          onChange={(_, data) => {
            setDue(data.value);
            setErrors({});
          }}
        />
      </Field>
      {errors.form && (
        <p className={ls.error} role="alert">
          {errors.form}
        </p>
      )}
      <Button className={ls.submit} type="submit" appearance="primary" disabled={saving}>
        Add action
      </Button>
    </form>
  );
}
