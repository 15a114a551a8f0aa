import { useState, type FormEvent } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ApiError } from '../../api';
import { useBoard } from '../../swot/board-context';
import { evidenceText, toEvidence } from '../../swot/evidence-input';
import type { Item, ItemFields } from '../../swot/swot-schemas';
import { ItemFieldsInput, MAX_ITEM_TEXT, fieldErrors, type ItemDraft } from './ItemFieldsInput';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  error: { margin: 0, color: tokens.colorPaletteRedForeground1 },
});

/** What the edit changes, field by field; the other pieces of evidence are kept. */
function changesOf(item: Item, draft: ItemDraft): Partial<ItemFields> {
  const changes: Partial<ItemFields> = {};
  const text = draft.text.trim();
  if (text !== item.text) changes.text = text;
  if (draft.tag !== item.tag) changes.tag = draft.tag;
  if (draft.evidence.trim() !== evidenceText(item.evidence))
    changes.evidence = [...toEvidence(draft.evidence), ...item.evidence.slice(1)];
  return changes;
}

/**
 * Edits an item as the member saw it when they opened the dialog: the save carries that version's ETag,
 * so a change someone made meanwhile leads to the conflict dialog instead of being overwritten.
 */
export function ItemEditDialog({ item, onClose }: { item: Item; onClose: () => void }) {
  const styles = useStyles();
  const board = useBoard();
  const [draft, setDraft] = useState<ItemDraft>({
    text: item.text,
    tag: item.tag,
    evidence: evidenceText(item.evidence),
  });
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const blank = draft.text.trim() === '';

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (blank || draft.text.trim().length > MAX_ITEM_TEXT) return;
    const changes = changesOf(item, draft);
    if (Object.keys(changes).length === 0) {
      onClose();
      return;
    }
    setSaving(true);
    const failed = await board.run({ kind: 'edit-item', item, changes }, { inline: true });
    setSaving(false);
    if (failed) setError(failed);
    else onClose();
  };

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <form onSubmit={(event) => void save(event)} noValidate>
          <DialogBody>
            <DialogTitle>Edit item</DialogTitle>
            <DialogContent className={styles.content}>
              <ItemFieldsInput
                draft={draft}
                onChange={setDraft}
                textLabel="Item"
                errors={fieldErrors(error) ?? (blank ? { text: 'An item needs some text.' } : {})}
              />
              {error && !fieldErrors(error) && (
                <p className={styles.error} role="alert">
                  {error.message}
                </p>
              )}
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabled={saving}>
                Save
              </Button>
              <Button onClick={onClose}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
