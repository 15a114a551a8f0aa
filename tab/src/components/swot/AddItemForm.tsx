import { useState, type FormEvent } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { ApiError } from '../../api';
import { useBoard } from '../../swot/board-context';
import { toEvidence } from '../../swot/evidence-input';
import type { Quadrant } from '../../swot/swot-schemas';
import { EMPTY_DRAFT, ItemFieldsInput, MAX_ITEM_TEXT, fieldErrors, type ItemDraft } from './ItemFieldsInput';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  submit: { alignSelf: 'flex-start' },
  error: { margin: 0, color: tokens.colorPaletteRedForeground1 },
});

/** Adds an item to one quadrant. Its draft is its own state, so live updates never clear what is typed. */
export function AddItemForm({ quadrant, label }: { quadrant: Quadrant; label: string }) {
  const styles = useStyles();
  const board = useBoard();
  const [draft, setDraft] = useState<ItemDraft>(EMPTY_DRAFT);
  const [error, setError] = useState<ApiError | null>(null);
  const [blank, setBlank] = useState(false);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = draft.text.trim();
    setBlank(text === '');
    if (text === '' || text.length > MAX_ITEM_TEXT) return;
    setSaving(true);
    const failed = await board.run(
      {
        kind: 'add-item',
        quadrant,
        groupId: null,
        fields: { text, tag: draft.tag, evidence: toEvidence(draft.evidence) },
      },
      { inline: true },
    );
    setSaving(false);
    setError(failed);
    if (!failed) setDraft(EMPTY_DRAFT);
  };

  const errors = fieldErrors(error) ?? (blank ? { text: 'Type the item first.' } : {});
  return (
    <form
      className={styles.form}
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={`Add to ${label}`}
    >
      <ItemFieldsInput
        draft={draft}
        onChange={(next) => {
          setDraft(next);
          setBlank(false);
        }}
        textLabel={`New item in ${label}`}
        errors={errors}
      />
      {error && !fieldErrors(error) && (
        <p className={styles.error} role="alert">
          {error.message}
        </p>
      )}
      <Button className={styles.submit} type="submit" appearance="primary" disabled={saving}>
        Add item
      </Button>
    </form>
  );
}
