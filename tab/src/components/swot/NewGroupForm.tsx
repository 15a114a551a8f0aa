import { useState, type FormEvent } from 'react';
import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import type { ApiError } from '../../api';
import { useBoard } from '../../swot/board-context';
import type { Quadrant } from '../../swot/swot-schemas';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  field: { flexGrow: 1, minWidth: '10rem' },
  open: { alignSelf: 'flex-start' },
});

/** "New group": names a theme in one quadrant, behind a button so the quadrant stays short. */
export function NewGroupForm({ quadrant, label }: { quadrant: Quadrant; label: string }) {
  const styles = useStyles();
  const board = useBoard();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [blank, setBlank] = useState(false);

  if (!open) {
    return (
      <Button
        className={styles.open}
        appearance="secondary"
        onClick={() => setOpen(true)}
        aria-label={`New group in ${label}`}
      >
        New group
      </Button>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    setBlank(trimmed === '');
    if (!trimmed) return;
    const failed = await board.run(
      { kind: 'add-group', quadrant, name: trimmed, itemIds: [] },
      { inline: true },
    );
    setError(failed);
    if (!failed) {
      setName('');
      setOpen(false);
    }
  };

  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
      <Field
        className={styles.field}
        label={`Group name in ${label}`}
        validationMessage={blank ? 'Name the group first.' : error?.message}
      >
        <Input
          value={name}
          maxLength={80}
          autoFocus
          onChange={(_, data) => {
            setName(data.value);
            setBlank(false);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setOpen(false);
          }}
        />
      </Field>
      <Button type="submit" appearance="primary">
        Create group
      </Button>
      <Button onClick={() => setOpen(false)}>Cancel</Button>
    </form>
  );
}
