import { useState, type FormEvent } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
} from '@fluentui/react-components';
import type { ApiError } from '../../api';
import { useBoard } from '../../swot/board-context';
import type { Group } from '../../swot/swot-schemas';

/** Renames a group as the member saw it (its ETag guards the write). */
export function GroupRenameDialog({ group, onClose }: { group: Group; onClose: () => void }) {
  const board = useBoard();
  const [name, setName] = useState(group.name);
  const [error, setError] = useState<ApiError | null>(null);
  const trimmed = name.trim();

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!trimmed) return;
    if (trimmed === group.name) {
      onClose();
      return;
    }
    const failed = await board.run({ kind: 'rename-group', group, name: trimmed }, { inline: true });
    if (failed) setError(failed);
    else onClose();
  };

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <form onSubmit={(event) => void save(event)} noValidate>
          <DialogBody>
            <DialogTitle>Rename group</DialogTitle>
            <DialogContent>
              <Field
                label="Group name"
                required
                validationMessage={trimmed ? error?.message : 'Name the group.'}
              >
                <Input value={name} maxLength={80} onChange={(_, data) => setName(data.value)} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary">
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
