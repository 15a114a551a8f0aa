import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons';
import type { LastAction } from '../../swot/use-board-actions';

/** The member's last change, with "Undo" (which applies its inverse through the API). */
export function UndoBar({
  last,
  onUndo,
  onDismiss,
}: {
  last: LastAction;
  onUndo: () => void;
  onDismiss: () => void;
}) {
  return (
    <MessageBar intent="success" politeness="polite">
      <MessageBarBody>{last.message}</MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            icon={<Dismiss20Regular />}
            aria-label="Dismiss"
            onClick={onDismiss}
          />
        }
      >
        {last.inverse && <Button onClick={onUndo}>Undo</Button>}
      </MessageBarActions>
    </MessageBar>
  );
}
