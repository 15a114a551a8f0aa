import { useState, type FormEvent } from 'react';
import { Badge, Button, Field, Input } from '@fluentui/react-components';
import { Key20Regular } from '@fluentui/react-icons';
import { toApiError, type ApiError } from '../../api';
import { formatMoment } from '../../vision/format';
import { checkKeyName } from '../../workflows/webhook-input';
import type { WorkflowsClient } from '../../workflows/workflows-api';
import { MAX_KEY_NAME_LENGTH, type ApiKey } from '../../workflows/workflows-schemas';
import { useSectionStyles } from '../styles';
import { ConfirmButton } from './ConfirmButton';
import { ShownOnce } from './ShownOnce';
import { useLayoutStyles } from '../layout-styles';
import { useWorkflowsStyles } from './workflows-styles';

/** API keys for flows calling in: create one (shown once), list them, revoke. */
export function ApiKeysSection({
  client,
  keys,
  onChange,
  onError,
}: {
  client: WorkflowsClient;
  keys: ApiKey[];
  onChange: (keys: ApiKey[]) => void;
  onError: (error: ApiError) => void;
}) {
  const section = useSectionStyles();
  const ws = useWorkflowsStyles();
  const ls = useLayoutStyles();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkKeyName(name);
    if (!checked.ok) {
      setError(checked.message);
      return;
    }
    setSaving(true);
    try {
      const { key, ...record } = await client.createApiKey(checked.value);
      setCreated({ name: record.name, key });
      setName('');
      setError(null);
      onChange([...keys, record]);
    } catch (failure: unknown) {
      setError(toApiError(failure).message);
    } finally {
      setSaving(false);
    }
  };

  const revoke = async (key: ApiKey) => {
    setRevoking(key.id);
    try {
      await client.revokeApiKey(key.id);
      onChange(await client.apiKeys());
    } catch (failure: unknown) {
      onError(toApiError(failure));
    } finally {
      setRevoking(null);
    }
  };

  return (
    <section className={section.section} aria-labelledby="api-keys-heading">
      <h2 className={section.heading} id="api-keys-heading">
        API keys
      </h2>
      <p className={section.muted}>
        A flow that calls Leading Together (Power Automate’s custom connector, or any HTTP request) sends a
        key of this team as <code>Authorization: Bearer &lt;key&gt;</code>. Only its fingerprint is kept.
      </p>
      {created && (
        <ShownOnce
          title={`API key “${created.name}” created`}
          label="API key"
          value={created.key}
          hint="Paste it where the flow's connection asks for it."
          onDone={() => setCreated(null)}
        />
      )}
      <form
        className={ls.form}
        onSubmit={(event) => void submit(event)}
        noValidate
        aria-label="Create an API key"
      >
        <Field
          label="Key name"
          required
          validationMessage={error ?? undefined}
          hint="What you will recognise it by, e.g. the flow that uses it."
        >
          <Input
            value={name}
            maxLength={MAX_KEY_NAME_LENGTH}
            onChange={(_, data) => {
              setName(data.value);
              setError(null);
            }}
          />
        </Field>
        <Button
          className={ls.submit}
          type="submit"
          appearance="primary"
          icon={<Key20Regular />}
          disabled={saving}
        >
          {saving ? 'Creating…' : 'Create API key'}
        </Button>
      </form>
      {keys.length === 0 ? (
        <p className={section.muted}>No API keys yet.</p>
      ) : (
        <ul className={ls.list} aria-label="API keys">
          {keys.map((key) => (
            <li className={ls.card} key={key.id}>
              <div className={ls.row}>
                <span className={ls.heading3} id={`api-key-${key.id}`}>
                  {key.name}
                </span>
                {key.revokedAt ? (
                  <Badge appearance="tint" color="danger">
                    Revoked
                  </Badge>
                ) : (
                  <Badge appearance="tint" color="success">
                    Active
                  </Badge>
                )}
              </div>
              <p className={ls.muted}>
                <span className={ws.url}>{key.prefix}…</span> · created by {key.createdBy},{' '}
                {formatMoment(key.createdAt)}
                {key.revokedAt ? ` · revoked ${formatMoment(key.revokedAt)}` : ''}
              </p>
              {!key.revokedAt && (
                <div className={ls.row}>
                  <ConfirmButton
                    label="Revoke"
                    title={`Revoke “${key.name}”?`}
                    body="Flows using this key are refused from now on. This cannot be undone; create a new key instead."
                    confirm="Revoke"
                    busy={revoking === key.id}
                    describedBy={`api-key-${key.id}`}
                    onConfirm={() => void revoke(key)}
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
