import { useId, useState, type FormEvent } from 'react';
import { Button, Checkbox, Field, Input } from '@fluentui/react-components';
import { toApiError } from '../../api';
import { checkWebhookInput } from '../../workflows/webhook-input';
import type { WorkflowsClient } from '../../workflows/workflows-api';
import {
  EVENT_OPTIONS,
  MAX_URL_LENGTH,
  type CreatedWebhook,
  type EventType,
} from '../../workflows/workflows-schemas';
import { useLayoutStyles } from '../layout-styles';
import { useWorkflowsStyles } from './workflows-styles';

type Errors = { url?: string; events?: string; form?: string };

/** The server's 400 names the field: `url`, `events.0`, or the body as a whole. */
function errorsOf(field: string | undefined, message: string): Errors {
  if (field === 'url') return { url: message };
  if (field?.startsWith('events')) return { events: message };
  return { form: message };
}

/** Adds a webhook: the URL that receives the team's events, and which events it wants. */
export function WebhookForm({
  client,
  localMode,
  onCreated,
}: {
  client: WorkflowsClient;
  localMode: boolean;
  onCreated: (webhook: CreatedWebhook) => void;
}) {
  const ws = useWorkflowsStyles();
  const ls = useLayoutStyles();
  const legendId = useId();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<EventType[]>(EVENT_OPTIONS.map((option) => option.type));
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);

  const toggle = (type: EventType, on: boolean) => {
    setEvents((current) =>
      EVENT_OPTIONS.map((option) => option.type).filter((each) =>
        each === type ? on : current.includes(each),
      ),
    );
    setErrors(({ events: _events, ...rest }) => rest);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkWebhookInput({ url, events }, { localMode });
    if (!checked.ok) {
      setErrors(errorsOf(checked.field, checked.message));
      return;
    }
    setSaving(true);
    try {
      const created = await client.addWebhook(checked.value);
      setUrl('');
      setErrors({});
      onCreated(created);
    } catch (error: unknown) {
      const failed = toApiError(error);
      setErrors(errorsOf(failed.details.field, failed.message));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className={ls.form} onSubmit={(event) => void submit(event)} noValidate aria-label="Add a webhook">
      <Field
        label="Webhook URL"
        required
        validationMessage={errors.url}
        hint="For a Teams Workflows flow: the URL of its “When a Teams webhook request is received” trigger."
      >
        <Input
          type="url"
          inputMode="url"
          value={url}
          maxLength={MAX_URL_LENGTH}
          placeholder="https://"
          onChange={(_, data) => {
            setUrl(data.value);
            setErrors(({ url: _url, ...rest }) => rest);
          }}
        />
      </Field>
      <fieldset className={ws.fieldset} aria-describedby={errors.events ? `${legendId}-error` : undefined}>
        <legend className={ws.legend} id={legendId}>
          Send these events
        </legend>
        {EVENT_OPTIONS.map((option) => (
          <Checkbox
            key={option.type}
            label={option.label}
            checked={events.includes(option.type)}
            onChange={(_, data) => toggle(option.type, data.checked === true)}
          />
        ))}
        {errors.events && (
          <p className={ls.error} id={`${legendId}-error`} role="alert">
            {errors.events}
          </p>
        )}
      </fieldset>
      {errors.form && (
        <p className={ls.error} role="alert">
          {errors.form}
        </p>
      )}
      <Button className={ls.submit} type="submit" appearance="primary" disabled={saving}>
        {saving ? 'Adding…' : 'Add webhook'}
      </Button>
    </form>
  );
}
