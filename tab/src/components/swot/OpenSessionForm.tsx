import { useState, type FormEvent } from 'react';
import { Button, Field, Input, SpinButton, makeStyles, tokens } from '@fluentui/react-components';
import { toApiError, type ApiError } from '../../api';
import type { SwotClient } from '../../swot/swot-api';
import type { SessionSummary } from '../../swot/swot-schemas';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '480px',
    minWidth: 0,
  },
  submit: { alignSelf: 'flex-start' },
});

export const DEFAULT_DOTS = 5;
const MAX_DOTS = 20;

/** Opens a SWOT session: its title and each member's dots. Whoever opens it facilitates it. */
export function OpenSessionForm({
  client,
  onOpened,
}: {
  client: SwotClient;
  onOpened: (session: SessionSummary) => void;
}) {
  const styles = useStyles();
  const [title, setTitle] = useState('');
  const [dots, setDots] = useState(DEFAULT_DOTS);
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    try {
      onOpened(await client.openSession({ title: title.trim(), dotsPerMember: dots }));
    } catch (caught: unknown) {
      setError(toApiError(caught));
    } finally {
      setSaving(false);
    }
  };

  const field = error?.details.field;
  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
      <Field
        label="Title"
        hint="For example “Spring review”. Left blank, it is named after today."
        validationMessage={field === 'title' ? error?.message : undefined}
      >
        <Input value={title} maxLength={100} onChange={(_, data) => setTitle(data.value)} />
      </Field>
      <Field
        label="Dots per member"
        hint={`How many dots each member places to vote on items (1 to ${MAX_DOTS}).`}
        validationMessage={field === 'dotsPerMember' ? error?.message : undefined}
      >
        <SpinButton
          value={dots}
          min={1}
          max={MAX_DOTS}
          onChange={(_, data) => {
            const next = data.value ?? Number.parseInt(data.displayValue ?? '', 10);
            if (Number.isInteger(next)) setDots(Math.min(MAX_DOTS, Math.max(1, next)));
          }}
        />
      </Field>
      {error && field !== 'title' && field !== 'dotsPerMember' && <p role="alert">{error.message}</p>}
      <Button className={styles.submit} appearance="primary" type="submit" disabled={saving}>
        Open a SWOT session
      </Button>
    </form>
  );
}
